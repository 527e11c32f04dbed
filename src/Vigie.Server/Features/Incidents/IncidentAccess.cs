using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Who may read and change incidents. Every signed-in person may register one (anyone may be
/// the first to see an incident); internal incidents are read by every signed-in person;
/// confidential ones by those who oversee incidents and by whoever opened them.
/// </summary>
public static class IncidentAccess
{
    /// <summary>The roles that read confidential incidents.</summary>
    public static readonly IReadOnlyList<string> Overseers =
        [Roles.Admin, Roles.Auditor, Roles.SafetyOfficer, Roles.Executive, Roles.Board];

    /// <summary>Roles that record incidents and their changes (an auditor only reads).</summary>
    public static IReadOnlyList<string> Writers => Roles.Writers;

    public static bool MayRead(CurrentUser user, IncidentQueries.IncidentRow incident) =>
        incident.Visibility != "confidential" || user.HasAnyRole(Overseers) || incident.OpenedBy == user.Name;

    /// <summary>A report sent outlives its incident's record (retention): it carries its own visibility and recorder.</summary>
    public static bool MayRead(CurrentUser user, IncidentQueries.SubmissionRow submission) =>
        submission.Visibility != "confidential" || user.HasAnyRole(Overseers) || submission.RecordedBy == user.Name;

    /// <summary>Whether <paramref name="user"/> sees confidential incidents at all (for lists: the others are left out).</summary>
    public static bool SeesAllConfidential(CurrentUser user) => user.HasAnyRole(Overseers);
}
