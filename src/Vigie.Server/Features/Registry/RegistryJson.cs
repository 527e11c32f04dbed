namespace Vigie.Server.Features.Registry;

/// <summary>The JSON shapes of registry rows in API responses.</summary>
public static class RegistryJson
{
    public static object System(RegistryQueries.SystemRow s) => new
    {
        name = s.Name,
        owner = s.Owner,
        purpose = s.Purpose,
        description = s.Description,
        visibility = s.Visibility,
        versionCount = s.VersionCount,
        createdAt = s.CreatedAt,
        createdBy = s.CreatedBy,
        index = s.LogIndex,
    };

    public static object Version(RegistryQueries.VersionRow v) => new
    {
        system = v.System,
        version = v.Version,
        kind = v.Kind,
        status = v.Status,
        baseVersion = v.BaseVersion,
        baseModel = v.BaseModel,
        weightsSha256 = v.WeightsSha256,
        description = v.Description,
        visibility = v.Visibility,
        createdAt = v.CreatedAt,
        createdBy = v.CreatedBy,
        index = v.LogIndex,
    };

    public static object TrainingRun(RegistryQueries.TrainingRunRow r) => new
    {
        run = r.Run,
        startedOn = r.StartedOn,
        endedOn = r.EndedOn,
        hardware = r.Hardware,
        acceleratorHours = r.AcceleratorHours,
        computeFlop = r.ComputeFlop,
        tokens = r.Tokens,
        notes = r.Notes,
        visibility = r.Visibility,
        recordedAt = r.RecordedAt,
        recordedBy = r.RecordedBy,
        index = r.LogIndex,
    };

    public static object StatusChange(RegistryQueries.StatusChangeRow s) => new
    {
        status = s.Status,
        reason = s.Reason,
        visibility = s.Visibility,
        changedAt = s.ChangedAt,
        changedBy = s.ChangedBy,
        index = s.LogIndex,
    };

    public static object Alias(RegistryQueries.AliasRow a) => new
    {
        alias = a.Alias,
        version = a.Version,
        previousVersion = a.PreviousVersion,
        decision = a.Decision,
        decisionType = a.DecisionType,
        visibility = a.Visibility,
        movedAt = a.MovedAt,
        movedBy = a.MovedBy,
        index = a.LogIndex,
    };
}
