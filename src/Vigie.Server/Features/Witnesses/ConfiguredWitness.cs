using Vigie.Core.Witnesses;

namespace Vigie.Server.Features.Witnesses;

/// <summary>A configured witness, checked at start: its add-checkpoint address and its cosignature key.</summary>
public sealed record ConfiguredWitness(Uri AddCheckpoint, CosignatureVerifier Key)
{
    public string Name => Key.Name;

    /// <summary>Parses the configuration; a mistake stops the server at start with a message saying which entry is wrong.</summary>
    public static IReadOnlyList<ConfiguredWitness> From(WitnessOptions options)
    {
        var result = new List<ConfiguredWitness>();
        for (var i = 0; i < options.Witnesses.Count; i++)
        {
            var entry = options.Witnesses[i];
            if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException(
                    $"Vigie:Witnesses:{i}:Url must be the witness's http(s) submission prefix, got \"{entry.Url}\".");
            }

            if (!CosignatureVerifier.TryParse(entry.Key, out var key, out var error))
            {
                throw new InvalidOperationException($"Vigie:Witnesses:{i}:Key is not a witness cosignature key: {error}");
            }

            if (result.Any(w => w.Name == key!.Name))
            {
                throw new InvalidOperationException($"Two witnesses are configured with the name {key!.Name}.");
            }

            var prefix = url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/";
            result.Add(new ConfiguredWitness(new Uri(prefix + "add-checkpoint"), key!));
        }

        return result;
    }
}
