namespace Vigie.Server.Features.Users;

/// <summary>The roles of DESIGN.md "People and access".</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    public const string SafetyOfficer = "safety-officer";
    public const string AdvisoryGroup = "advisory-group";
    public const string Executive = "executive";
    public const string Board = "board";
    public const string Auditor = "auditor";
    public const string ConcernRecipient = "concern-recipient";

    public static readonly IReadOnlyList<string> All =
        [Admin, Member, SafetyOfficer, AdvisoryGroup, Executive, Board, Auditor, ConcernRecipient];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Roles that may record facts; an auditor only reads.</summary>
    public static readonly IReadOnlyList<string> Writers =
        [Admin, Member, SafetyOfficer, AdvisoryGroup, Executive, Board, ConcernRecipient];
}
