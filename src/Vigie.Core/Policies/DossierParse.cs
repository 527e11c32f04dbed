namespace Vigie.Core.Policies;

/// <summary>The result of reading a dossier: the dossier, or every reason it was refused (never both).</summary>
public sealed record DossierParse(ReleaseDossier? Dossier, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Dossier is not null;

    public string ErrorText => string.Join(Environment.NewLine, Errors);
}
