using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Vigie.Server.Features.Concerns;

/// <summary>Registers the concern channel: its services, its privacy middleware and its endpoints.</summary>
public static class ConcernServices
{
    public static void AddConcerns(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConcernOptions>(configuration.GetSection("Vigie:Concerns"));
        services.AddSingleton<Ledger.IProjection, ConcernProjection>();
        services.AddSingleton<ConcernQueries>();
        services.AddSingleton<ConcernClockCheck>();
        services.AddSingleton<ConcernFiling>();
        services.AddSingleton<ConcernHandling>();
        services.AddSingleton<ConcernProofs>();
        services.AddSingleton<ConcernViews>();
        services.AddSingleton<ConcernStatistics>();
        services.AddSingleton<ConcernRateLimits>();
        services.AddSingleton<ConcernPending>();
        services.AddSingleton<ConcernBatch>();
        services.AddHostedService<ConcernClockService>();
        services.AddHostedService<ConcernBatchService>();

        // Every logger, the framework's included, goes through the scrubber (see its remarks).
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new ConcernScrubbingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
    }

    /// <summary>
    /// Must come first, before anything that reads or logs the request. Routing is placed here
    /// explicitly (WebApplication would otherwise put it before everything), so even its
    /// "request matched endpoint" records are written inside the privacy scope.
    /// </summary>
    public static void UseConcernPrivacy(this WebApplication app)
    {
        app.UseMiddleware<ConcernPrivacyMiddleware>();
        app.UseRouting();
    }

    public static void MapConcerns(this WebApplication app)
    {
        app.MapConcernReporting();
        app.MapConcernHandling();
        app.MapConcernAssets();
    }
}
