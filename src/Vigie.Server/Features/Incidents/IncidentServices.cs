using Microsoft.Extensions.Options;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Incidents;

/// <summary>Registers the incident register: its projection, services, dossier part, retention check and endpoints.</summary>
public static class IncidentServices
{
    public static void AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection("Vigie:Incidents")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentOptions>, IncidentOptionsCheck>();
        services.AddSingleton<Ledger.IProjection, IncidentProjection>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<ImpliedRegimes>();
        services.AddSingleton<IncidentReads>();
        services.AddSingleton<IncidentRegister>();
        services.AddSingleton<IncidentSubmissions>();
        services.AddSingleton<IncidentReportExport>();
        services.AddSingleton<IncidentRetention>();
        services.AddSingleton<IDossierSource, IncidentDossierSource>();
        services.AddHostedService<IncidentRetentionService>();
    }

    public static void MapIncidents(this WebApplication app) => app.MapIncidentEndpoints();

    /// <summary>Names the bad setting in the start-up failure.</summary>
    private sealed class IncidentOptionsCheck : IValidateOptions<IncidentOptions>
    {
        public ValidateOptionsResult Validate(string? name, IncidentOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
