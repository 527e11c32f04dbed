using System.Collections.Concurrent;
using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Loaded policies by the SHA-256 of their text. A text never changes under its digest, so it is
/// compiled and dry-run once per process; every gate check reuses the compiled rules.
/// </summary>
public static class PolicyCache
{
    private static readonly ConcurrentDictionary<string, Policy> Loaded = new(StringComparer.Ordinal);

    public static Policy Get(string sha256, string text) => Loaded.GetOrAdd(sha256, _ =>
    {
        var load = PolicyReader.Read(text);
        if (load.Policy is null || load.Policy.Sha256 != sha256)
        {
            throw new InvalidDataException($"The stored policy {sha256} does not load as itself: {load.ErrorText}");
        }

        return load.Policy;
    });

    public static Policy? TryGet(string sha256) => Loaded.GetValueOrDefault(sha256);

    /// <summary>Reads a text, keeping what loads for later lookups by digest.</summary>
    public static PolicyLoad Read(string text)
    {
        var load = PolicyReader.Read(text);
        if (load.Policy is { } policy)
        {
            Loaded.TryAdd(policy.Sha256, policy);
        }

        return load;
    }
}
