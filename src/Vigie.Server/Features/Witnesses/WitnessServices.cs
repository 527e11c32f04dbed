namespace Vigie.Server.Features.Witnesses;

/// <summary>Registers witnessing: the configured witnesses, the client that asks them, and the published (cosigned) checkpoint.</summary>
public static class WitnessServices
{
    public static void AddWitnesses(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WitnessOptions>(configuration.GetSection("Vigie"));
        services.AddSingleton<WitnessRegistry>();
        services.AddSingleton<WitnessStore>();
        services.AddSingleton<WitnessClient>();
        services.AddSingleton<PublishedCheckpoint>();
        services.AddHostedService<WitnessRounds>();
    }
}
