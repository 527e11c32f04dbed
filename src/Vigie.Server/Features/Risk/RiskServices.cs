using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Risk;

/// <summary>Registers the capability-risk feature: frameworks, evaluations, scorecards, forecasts and the risk register.</summary>
public static class RiskServices
{
    public static void AddRisk(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RiskOptions>(configuration.GetSection("Vigie:Risk"));
        services.AddSingleton<Ledger.IProjection, FrameworkDecisionProjection>();
        services.AddSingleton<Ledger.IProjection, RiskProjection>();
        services.AddSingleton<RiskQueries>();
        services.AddSingleton<FrameworkProposals>();
        services.AddSingleton<EvaluationImports>();
        services.AddSingleton<EvaluationCadenceCheck>();
        services.AddSingleton<ScorecardService>();
        services.AddSingleton<ForecastService>();
        services.AddSingleton<ForecastAlerts>();
        services.AddSingleton<RiskRegister>();
        services.AddSingleton<ISnapshotSource, ScorecardSnapshotSource>();
        services.AddSingleton<IDossierSource, ScorecardDossierSource>();
    }

    public static void MapRisk(this WebApplication app)
    {
        app.MapFrameworks();
        app.MapEvaluations();
        app.MapScorecards();
        app.MapForecasts();
        app.MapRiskRegister();
        app.MapRiskPages();
    }
}
