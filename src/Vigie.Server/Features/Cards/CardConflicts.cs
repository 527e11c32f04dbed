namespace Vigie.Server.Features.Cards;

/// <summary>The refusal a lost update gets, worded the same by the endpoint and the projection.</summary>
public static class CardConflicts
{
    public const string Marker = "card-revision-conflict";

    public static string NotNext(string system, string version, long baseRevision, long latest) =>
        $"The card of {system}@{version} is at revision {latest}, not {baseRevision}: someone saved a revision since you loaded it. " +
        $"Load revision {latest}, reapply your change and save again. ({Marker})";

    public static bool IsConflict(string? message) => message?.EndsWith($"({Marker})", StringComparison.Ordinal) == true;
}
