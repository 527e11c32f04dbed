using Microsoft.Extensions.Options;

namespace Vigie.Server.Features.Witnesses;

/// <summary>The configured witnesses, parsed once (a bad entry stops the start with its message).</summary>
public sealed class WitnessRegistry(IOptions<WitnessOptions> options)
{
    private readonly Lazy<IReadOnlyList<ConfiguredWitness>> all = new(() => ConfiguredWitness.From(options.Value));

    public IReadOnlyList<ConfiguredWitness> All => all.Value;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp(options.Value.WitnessTimeoutSeconds, 1, 60));
}
