using Vigie.Core.Governance;

namespace Vigie.Core.Risk;

/// <summary>The result of reading a framework: the framework, or every error found with its line and column (never both).</summary>
public sealed record FrameworkLoad(Framework? Framework, IReadOnlyList<CharterError> Errors)
{
    public bool Succeeded => Framework is not null;

    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
