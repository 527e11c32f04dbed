using System.Globalization;
using Vigie.Core.Ledger;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Registry;

/// <summary>The registry's request bodies and their checks; each check returns a message a person can act on.</summary>
public static class RegistryRequests
{
    public sealed record RegisterSystem(string Name, string? Owner = null, string? Purpose = null, string? Description = null, string? Visibility = null);

    public sealed record WeightsDigest(string Sha256, string? Name = null, long? Size = null);

    public sealed record RegisterVersion(
        string Version, string? Kind = null, string? Status = null, string? BaseVersion = null, string? BaseModel = null,
        WeightsDigest? Weights = null, string? Description = null, string? Visibility = null);

    public sealed record ChangeStatus(string Status, string Reason);

    public sealed record RecordTrainingRun(
        string Run, string StartedOn, string? EndedOn = null, string? Hardware = null, double? AcceleratorHours = null,
        double? ComputeFlop = null, long? Tokens = null, string? Notes = null);

    public static string? Check(RegisterSystem r, out Visibility visibility)
    {
        visibility = Visibility.Internal;
        return RegistryNames.CheckSystem(r.Name)
            ?? (r.Owner is null ? null : TextRules.Check("owner", r.Owner, 1, 200))
            ?? OptionalText("purpose", r.Purpose, 2000)
            ?? OptionalText("description", r.Description, 4000)
            ?? CheckVisibility(r.Visibility, out visibility);
    }

    public static string? Check(RegisterVersion r, out Visibility visibility)
    {
        visibility = Visibility.Internal;
        return RegistryNames.CheckVersion(r.Version)
            ?? OneOf("kind", r.Kind, RegistryNames.Kinds)
            ?? OneOf("status", r.Status, RegistryNames.Statuses)
            ?? (r.BaseVersion is not null && !RegistryNames.TryParseSubject(r.BaseVersion, out _, out _)
                ? $"baseVersion '{r.BaseVersion}' must name a registered version as system@version (use baseModel for an outside model)."
                : null)
            ?? OptionalText("baseModel", r.BaseModel, 200)
            ?? (r.Weights is { } w ? CheckSha256("weights.sha256", w.Sha256) ?? OptionalText("weights.name", w.Name, 200) ?? (w.Size < 0 ? "weights.size cannot be negative." : null) : null)
            ?? OptionalText("description", r.Description, 4000)
            ?? CheckVisibility(r.Visibility, out visibility);
    }

    public static string? Check(ChangeStatus r) =>
        OneOf("status", r.Status, RegistryNames.Statuses) ?? TextRules.Check("reason", r.Reason, 1, 2000, multiline: true);

    public static string? Check(RecordTrainingRun r)
    {
        return TextRules.Check("run", r.Run, 1, 100)
            ?? CheckDate("startedOn", r.StartedOn)
            ?? (r.EndedOn is not null ? CheckDate("endedOn", r.EndedOn) : null)
            ?? (r.EndedOn is not null && string.CompareOrdinal(r.EndedOn, r.StartedOn) < 0 ? "endedOn is before startedOn." : null)
            ?? OptionalText("hardware", r.Hardware, 200)
            ?? NonNegative("acceleratorHours", r.AcceleratorHours)
            ?? NonNegative("computeFlop", r.ComputeFlop)
            ?? (r.Tokens < 0 ? "tokens cannot be negative." : null)
            ?? OptionalText("notes", r.Notes, 4000);
    }

    public static string? CheckSha256(string field, string? value) =>
        value is { Length: 64 } && value.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") < 0
            ? null
            : $"{field} must be a SHA-256 as 64 hexadecimal digits.";

    /// <summary>Registry facts are public or internal; confidential belongs to concerns and sealed reports.</summary>
    public static string? CheckVisibility(string? value, out Visibility visibility)
    {
        visibility = Visibility.Internal;
        return value is null || (VisibilityNames.TryParse(value, out visibility) && visibility != Visibility.Confidential)
            ? null
            : "visibility must be 'public' or 'internal'.";
    }

    private static string? OptionalText(string field, string? value, int max) =>
        value is null ? null : TextRules.Check(field, value, 0, max, multiline: true);

    private static string? OneOf(string field, string? value, IReadOnlyList<string> allowed) =>
        value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : $"{field} must be one of {string.Join(", ", allowed)}; got '{value}'.";

    private static string? CheckDate(string field, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"{field} must be a date as YYYY-MM-DD; got '{value}'.";

    private static string? NonNegative(string field, double? value) =>
        value is null || (double.IsFinite(value.Value) && value >= 0) ? null : $"{field} must be a finite number ≥ 0.";
}
