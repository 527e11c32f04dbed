namespace Vigie.Server.Features.Gate;

/// <summary>Registers the release gate: the dossier builder, policies, waivers, checks and their endpoints.</summary>
public static class GateServices
{
    public static void AddGate(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<Ledger.IProjection, PolicyProjection>();
        services.AddSingleton<Ledger.IProjection, GateCheckProjection>();
        services.AddSingleton<PolicyQueries>();
        services.AddSingleton<WaiverQueries>();
        services.AddSingleton<Decisions.IDecisionProposal, PolicyChangeProposal>();
        services.AddSingleton<PolicyApply>();
        services.AddSingleton<DossierBuilder>();
        services.AddSingleton<GateChecks>();
        services.AddSingleton<GateCheckQueries>();
    }

    public static void MapGate(this WebApplication app)
    {
        app.MapSchemas();
        app.MapDossiers();
        app.MapGateChecks();
        app.MapPolicies();
    }
}
