namespace Vigie.Core.Governance;

/// <summary>
/// The role names a charter may give a stage, a veto or a review. They are the server's user
/// roles (DESIGN.md "People and access"), repeated here because Core must not depend on the
/// server; a server test checks that the two lists stay the same.
/// </summary>
public static class GovernanceRoles
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
}
