namespace Vigie.Core.Governance;

/// <summary>The result of reading a charter: the charter, or every error found (never both).</summary>
public sealed record CharterLoad(Charter? Charter, IReadOnlyList<CharterError> Errors)
{
    public bool Succeeded => Charter is not null;

    /// <summary>All errors on one line each, for a problem response or a CLI message.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
