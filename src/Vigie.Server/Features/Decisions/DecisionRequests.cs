using Vigie.Core.Governance;
using Vigie.Server.Features.Registry;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Decisions;

/// <summary>The request bodies of the decision and charter endpoints, and their field checks.</summary>
public static class DecisionRequests
{
    public sealed record Open(
        string Type, string Title, string? System = null, string? Version = null, string? Description = null,
        string? Visibility = null, string? ProposedCharter = null);

    public sealed record Sign(
        string Verdict, string SnapshotDigest, string? Conditions = null, string? Comment = null, string? Justification = null);

    public sealed record Dissent(string Statement, string? ConfidentialReason = null);

    public sealed record Recusal(string Reason, string? Person = null);

    /// <summary>A veto or a reversal.</summary>
    public sealed record Ruling(string Reason);

    public sealed record AdoptCharter(string Yaml);

    public static string? Check(Open r)
    {
        if (!DecisionTypes.IsKnown(r.Type)) return $"'{r.Type}' is not a decision type; types are: {string.Join(", ", DecisionTypes.All)}.";
        if (TextRules.Check("title", r.Title, 1, 200) is { } title) return title;
        if (r.System is not null && RegistryNames.CheckSystem(r.System) is { } system) return system;
        if (r.Version is not null && RegistryNames.CheckVersion(r.Version) is { } version) return version;
        if (r.Description is not null && TextRules.Check("description", r.Description, 0, 4000, multiline: true) is { } description) return description;
        if (r.Visibility is not null and not ("public" or "internal")) return "visibility must be 'public' or 'internal'.";
        return null;
    }

    public static string? Check(Sign r)
    {
        if (!DecisionStateJson.TryParse<Verdict>(r.Verdict, out _)) return "verdict must be 'approve', 'approve-with-conditions' or 'reject'.";
        if (!IsSha256(r.SnapshotDigest)) return "snapshotDigest must be the decision's evidence snapshot digest you reviewed (64 hexadecimal digits).";
        if (r.Conditions is not null && TextRules.Check("conditions", r.Conditions, 0, 2000, multiline: true) is { } conditions) return conditions;
        if (r.Comment is not null && TextRules.Check("comment", r.Comment, 0, 4000, multiline: true) is { } comment) return comment;
        if (r.Justification is not null && TextRules.Check("justification", r.Justification, 0, 4000, multiline: true) is { } justification) return justification;
        return null;
    }

    public static string? Check(Dissent r) =>
        TextRules.Check("statement", r.Statement, 1, 8000, multiline: true) ??
        (r.ConfidentialReason is null ? null : TextRules.Check("confidentialReason", r.ConfidentialReason, 1, 1000, multiline: true));

    public static string? Check(Recusal r) =>
        TextRules.Check("reason", r.Reason, 1, 2000, multiline: true) ??
        (r.Person is null ? null : TextRules.Check("person", r.Person, 1, 64));

    public static string? Check(Ruling r) => TextRules.Check("reason", r.Reason, 1, 4000, multiline: true);

    public static bool IsSha256(string value) =>
        value.Length == 64 && value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;
}
