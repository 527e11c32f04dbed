using System.Collections.Concurrent;
using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>Parsed frameworks by digest: a framework's text never changes under its digest, so it is parsed once per process.</summary>
public static class FrameworkCache
{
    private static readonly ConcurrentDictionary<string, Framework> Parsed = new(StringComparer.Ordinal);

    public static Framework Get(string digest, string yaml) => Parsed.GetOrAdd(digest, _ =>
    {
        var load = FrameworkReader.Read(yaml);
        if (load.Framework is null || load.Framework.Digest != digest)
        {
            throw new InvalidDataException($"The stored framework {digest} does not read back as itself: {load.ErrorText}");
        }

        return load.Framework;
    });
}
