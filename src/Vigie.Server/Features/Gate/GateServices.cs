namespace Vigie.Server.Features.Gate;

/// <summary>Registers the release gate: the dossier builder, policies, waivers, checks and their endpoints.</summary>
public static class GateServices
{
    public static void AddGate(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<DossierBuilder>();
    }

    public static void MapGate(this WebApplication app)
    {
        app.MapSchemas();
        app.MapDossiers();
    }
}
