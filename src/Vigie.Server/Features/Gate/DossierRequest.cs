namespace Vigie.Server.Features.Gate;

/// <summary>What a release dossier is assembled for: one system version, one action, at one time (the gate's "now").</summary>
public sealed record DossierRequest(string System, string Version, string Action, DateTimeOffset Time);
