using System.Collections.Concurrent;
using Vigie.Core.Governance;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// Parsed charters by digest. A charter's text never changes under its digest, so parsing it
/// once per process is safe; every decision step needs its charter's rules.
/// </summary>
public static class CharterCache
{
    private static readonly ConcurrentDictionary<string, Charter> Parsed = new(StringComparer.Ordinal);

    public static Charter Get(string digest, string yaml) => Parsed.GetOrAdd(digest, _ =>
    {
        var load = CharterReader.Read(yaml);
        if (load.Charter is null || load.Charter.Digest != digest)
        {
            throw new InvalidDataException($"The stored charter {digest} does not read back as itself: {load.ErrorText}");
        }

        return load.Charter;
    });
}
