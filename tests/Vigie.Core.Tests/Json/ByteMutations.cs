namespace Vigie.Core.Tests.Json;

/// <summary>Seeded byte-level mutations for fuzzing parsers: bit flips, JSON-significant bytes, inserts, cuts, repeats.</summary>
internal static class ByteMutations
{
    // Bytes that matter to JSON and to the envelope grammar, so mutations hit interesting paths.
    public static readonly byte[] Interesting = "{}[]\":,\\ \t\nu0123456789abcdefABCDEF.-+eE/vtrufalsn"u8.ToArray()
        .Concat(new byte[] { 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xa9, 0xed, 0xa0, 0xf0, 0x9f, 0xff })
        .ToArray();

    public static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 160)];
        if (random.Next(2) == 0)
        {
            random.NextBytes(bytes);
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = Interesting[random.Next(Interesting.Length)];
            }
        }

        return bytes;
    }

    public static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip one bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // overwrite with a JSON-significant byte
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2: // insert
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3: // delete a short run
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 8)));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default: // duplicate a slice in place (repeats keys, values, separators)
                    var length = Math.Min(bytes.Count - at, random.Next(1, 24));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
