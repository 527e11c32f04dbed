using Microsoft.Extensions.Options;
using Vigie.Core.Impact;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Impact;

/// <summary>Registers the impact feature: reference data, projection, queries, the dossier source and its endpoints.</summary>
public static class ImpactServices
{
    public static void AddImpact(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImpactOptions>(configuration.GetSection("Vigie:Impact"));
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<ImpactOptions>>().Value.DataDirectory;
            return ReferenceData.Load(string.IsNullOrWhiteSpace(directory) ? null : directory, out var error)
                ?? throw new InvalidOperationException("Vigie:Impact:DataDirectory: " + error);
        });
        services.AddSingleton<Ledger.IProjection, ImpactProjection>();
        services.AddSingleton<ImpactQueries>();
        services.AddSingleton<ImpactSummaries>();
        services.AddSingleton<RegulatoryQueries>();
        services.AddSingleton<ImpactEnvironment>();
        services.AddSingleton<ImpactFairness>();
        services.AddSingleton<ImpactClassifications>();
        services.AddSingleton<IDossierSource, ImpactDossierSource>();
        services.AddSingleton<ImpactInference>();
        services.AddSingleton<ObligationRecords>();
        services.AddSingleton<ImpactCards>();
        services.AddSingleton<Ledger.IProjection, FriaProjection>();
        services.AddSingleton<FriaQueries>();
        services.AddSingleton<FriaRevisions>();
        services.AddSingleton<FriaReview>();
        services.AddSingleton<Decisions.IDecisionProposal, FriaApprovalProposal>();
        services.AddSingleton<Registry.ISnapshotSource, FriaSnapshotSource>();
    }

    public static void MapImpactFeature(this WebApplication app)
    {
        app.MapImpact();
        app.MapObligations();
        app.MapFrias();
        app.MapInferenceAndCard();
    }
}
