using Vigie.Server.Features.Reports;

namespace Vigie.Server.Features.Portal;

/// <summary>Registers the public portal: its data, its own entries, the sources it shows, and the documents generated from them.</summary>
public static class PortalServices
{
    public static void AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Ledger.IProjection, PortalProjection>();
        services.AddSingleton<PortalQueries>();
        services.AddSingleton<PortalDisclosures>();
        services.AddSingleton<PortalData>();
        services.AddHostedService<PortalWarmer>();
        services.AddSingleton<PortalEntryCheck>();
        services.AddSingleton<IGovernanceDocumentSource, CharterDocumentSource>();
        services.AddSingleton<IGovernanceStatisticsSource, DecisionStatisticsSource>();
        services.AddSingleton<IGovernanceStatisticsSource, ConcernStatisticsSource>();
        services.AddSingleton<IGovernanceDocumentSource, PolicyDocumentSource>();
        services.AddSingleton<IGovernanceDocumentSource, WaiverDocumentSource>();
        services.AddSingleton<IGovernanceStatisticsSource, GateStatisticsSource>();
        services.AddSingleton<IGovernanceDocumentSource, FrameworkDocumentSource>();
        services.AddSingleton<IGovernanceStatisticsSource, IncidentStatisticsSource>();
        services.AddReports();
    }

    public static void MapPortal(this WebApplication app)
    {
        app.MapPortalApi();
        app.MapPortalFeed();
        app.MapReports();
    }
}
