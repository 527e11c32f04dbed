using Microsoft.Extensions.Options;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Concerns;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Impact;
using Vigie.Server.Features.Incidents;
using Vigie.Server.Features.Log;
using Vigie.Server.Features.Portal;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Risk;
using Vigie.Server.Features.Sessions;
using Vigie.Server.Features.Users;
using Vigie.Server.Features.Witnesses;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Hosting;

/// <summary>Builds the Vigie web application: configuration, services, middleware and endpoints.</summary>
public static class VigieApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const long MaxRequestBytes = 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--data-dir"] = "Vigie:DataDirectory",
            ["--postgres"] = "Vigie:Storage:Postgres",
            ["--origin"] = "Vigie:Log:Origin",
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Request-by-request framework logs are noise for people running the server; warnings stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
            k.AddServerHeader = false;
        });
        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VigieOptions>(configuration.GetSection("Vigie"));
        services.TryAddSingletonTimeProvider();
        services.AddProblemDetails();
        services.AddRazorComponents();
        services.AddExceptionHandler<ExceptionProblems>();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VigieOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Storage.Postgres))
            {
                return Database.ForPostgres(options.Storage.Postgres);
            }

            Directory.CreateDirectory(options.DataDirectory);
            return Database.ForSqlite(Path.Combine(options.DataDirectory, "vigie.db"));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VigieOptions>>().Value;
            var path = options.Log.SignerKeyFile ?? Path.Combine(options.DataDirectory, "log-signer.key");
            return LogKeys.LoadOrCreate(path, options.Log.Origin);
        });
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<EntryBundleFiles>();
        services.AddSingleton<Ledger.Ledger>();
        services.AddSingleton<CheckpointService>();
        services.AddSingleton<TileServer>();
        services.AddSingleton<ProjectionRebuilder>();

        services.AddSingleton<IProjection, UsersProjection>();
        services.AddSingleton<UserQueries>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<IProjection, EvidenceProjection>();
        services.AddSingleton<EvidenceQueries>();
        services.AddSingleton<ISnapshotSource, EvidenceSnapshotSource>();
        services.AddSingleton<IProjection, RegistryProjection>();
        services.AddSingleton<RegistryQueries>();
        services.AddSingleton<EvidenceSnapshots>();
        services.AddSingleton<IProjection, DecisionProjection>();
        services.AddSingleton<DecisionQueries>();
        services.AddSingleton<DecisionEvidence>();
        services.AddSingleton<DecisionActions>();
        services.AddSingleton<DecisionOpening>();
        services.AddSingleton<IProjection, CardProjection>();
        services.AddSingleton<CardQueries>();
        services.AddSingleton<CardReads>();
        services.AddSingleton<CardRevisions>();
        services.AddSingleton<ISnapshotSource, CardSnapshotSource>();
        services.AddSingleton<WebSessions>();

        // Order matters: start-up (migrate, load, check) runs before the signer loop and the server.
        services.AddHostedService<VigieStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        services.AddHostedService<DecisionEvidenceWatcher>();
        services.AddConcerns(configuration);
        services.AddIncidents(configuration);
        services.AddWitnesses(configuration);
        services.AddPortal(configuration);
        services.AddGate(configuration);
        services.AddRisk(configuration);
        services.AddImpact(configuration);
    }

    public static void Configure(WebApplication app)
    {
        app.UseConcernPrivacy();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<TokenAuthenticationMiddleware>();
        app.UseWebSessions();
        app.UseAntiforgery();
        app.MapGet("/vigie.css", () => Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8"));
        app.MapRazorComponents<Components.App>();
        app.MapLogTiles();
        app.MapLogApi();
        app.MapUsers();
        app.MapEvidence();
        app.MapSystems();
        app.MapVersions();
        app.MapAliases();
        app.MapCharters();
        app.MapDecisions();
        app.MapCards();
        app.MapSessions();
        app.MapConcerns();
        app.MapIncidents();
        app.MapPortal();
        app.MapGate();
        app.MapRisk();
        app.MapImpactFeature();
        app.Lifetime.ApplicationStopping.Register(() =>
            app.Services.GetRequiredService<Ledger.Ledger>().DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(VigieApp).Assembly.GetManifestResourceStream("assets/vigie.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
