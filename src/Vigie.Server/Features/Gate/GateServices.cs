namespace Vigie.Server.Features.Gate;

/// <summary>Registers the release gate: the dossier builder, policies, waivers, checks and their endpoints.</summary>
public static class GateServices
{
    public static void AddGate(this IServiceCollection services, IConfiguration configuration)
    {
        // How long an evaluated dossier may be reused while only gate evaluations were logged (ADR 0009); 0 turns reuse off.
        var reuse = configuration.GetValue("Vigie:Gate:DossierReuseMilliseconds", 1000);
        services.AddSingleton(new GateCache(TimeSpan.FromMilliseconds(Math.Clamp(reuse, 0, 60_000))));
        services.AddSingleton<GateIndexTracker>();
        services.AddSingleton<Ledger.IProjection, PolicyProjection>();
        services.AddSingleton<Ledger.IProjection, GateCheckProjection>();
        services.AddSingleton<PolicyQueries>();
        services.AddSingleton<WaiverQueries>();
        services.AddSingleton<Decisions.IDecisionProposal, PolicyChangeProposal>();
        services.AddSingleton<Decisions.IDecisionProposal, WaiverProposal>();
        services.AddSingleton<PolicyApply>();
        services.AddSingleton<DossierBuilder>();
        services.AddSingleton<GateChecks>();
        services.AddSingleton<GateCheckQueries>();
        services.AddSingleton<AliasGate>();
        services.AddSingleton<GateAttestations>();
    }

    public static void MapGate(this WebApplication app)
    {
        app.MapSchemas();
        app.MapDossiers();
        app.MapGateChecks();
        app.MapPolicies();
        app.MapWaivers();
    }
}
