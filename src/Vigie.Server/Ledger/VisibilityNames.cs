using Vigie.Core.Ledger;

namespace Vigie.Server.Ledger;

/// <summary>The wire and storage names of <see cref="Visibility"/>.</summary>
public static class VisibilityNames
{
    public static string Of(Visibility visibility) => visibility switch
    {
        Visibility.Public => "public",
        Visibility.Internal => "internal",
        Visibility.Confidential => "confidential",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility)),
    };

    public static bool TryParse(string? text, out Visibility visibility)
    {
        switch (text)
        {
            case "public": visibility = Visibility.Public; return true;
            case "internal": visibility = Visibility.Internal; return true;
            case "confidential": visibility = Visibility.Confidential; return true;
            default: visibility = default; return false;
        }
    }
}
