using System.Buffers;
using System.Text.Json;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Reads the top-level object of a JSON stream without holding the whole file: the properties a
/// caller wants are parsed (each at most <see cref="MaxValueBytes"/>), every other value — an
/// Inspect log's samples, an lm-eval file's configs — is stepped over token by token, so a file
/// of any size costs one buffer. Duplicate keys keep the first value.
/// </summary>
internal static class JsonTopLevel
{
    /// <summary>The largest single value kept (the results or header part of a log).</summary>
    public const int MaxValueBytes = 16 * 1024 * 1024;

    private const int StartBuffer = 64 * 1024;

    /// <summary>The wanted top-level values, or why the stream is not one JSON object.</summary>
    public static Dictionary<string, JsonElement> Read(Stream stream, Func<string, bool> wanted, out string? error)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(StartBuffer);
        try
        {
            error = Scan(stream, wanted, found, ref buffer);
            return found;
        }
        catch (JsonException e)
        {
            error = $"it is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {Trim(e.Message)}";
            return found;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Scan(Stream stream, Func<string, bool> wanted, Dictionary<string, JsonElement> found, ref byte[] buffer)
    {
        var length = Fill(stream, buffer, 0);
        var start = 0;
        if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            start = 3; // a UTF-8 byte-order mark, as some tools write
        }

        var final = length < buffer.Length;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        var phase = Phase.Start;
        string? property = null;
        var skipDepth = -1;
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, state);
            var progressed = false;
            while (true)
            {
                if (phase == Phase.Value && property is not null && wanted(property) && !found.ContainsKey(property))
                {
                    // Parse the value only once it is whole in the buffer; otherwise read more first.
                    var probe = reader;
                    if (!probe.Read() || !probe.TrySkip())
                    {
                        break;
                    }

                    reader.Read();
                    found[property] = JsonElement.ParseValue(ref reader);
                    phase = Phase.Property;
                    property = null;
                    progressed = true;
                    continue;
                }

                if (!reader.Read())
                {
                    break;
                }

                progressed = true;
                switch (phase)
                {
                    case Phase.Start:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            return "it is JSON but not an object at the top level";
                        }

                        phase = Phase.Property;
                        break;
                    case Phase.Property:
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            return null;
                        }

                        property = reader.GetString();
                        phase = Phase.Value;
                        break;
                    case Phase.Value:
                        // An unwanted value: step over it, however long.
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            skipDepth = reader.CurrentDepth;
                            phase = Phase.Skipping;
                        }
                        else
                        {
                            phase = Phase.Property;
                        }

                        property = null;
                        break;
                    case Phase.Skipping:
                        if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == skipDepth)
                        {
                            phase = Phase.Property;
                        }

                        break;
                }
            }

            if (final)
            {
                return phase == Phase.Start ? "it is empty" : "it ends before the top-level object is closed";
            }

            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            var remaining = length - start - consumed;
            if (!progressed && remaining >= buffer.Length - start)
            {
                if (buffer.Length >= MaxValueBytes)
                {
                    return $"the value of '{property}' is larger than {MaxValueBytes / (1024 * 1024)} MiB";
                }

                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, start + consumed, larger, 0, remaining);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            else
            {
                Buffer.BlockCopy(buffer, start + consumed, buffer, 0, remaining);
            }

            start = 0;
            var read = Fill(stream, buffer, remaining);
            final = read < buffer.Length;
            length = read;
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends; returns the bytes now in the buffer.</summary>
    private static int Fill(Stream stream, byte[] buffer, int offset)
    {
        while (offset < buffer.Length)
        {
            var n = stream.Read(buffer, offset, buffer.Length - offset);
            if (n == 0)
            {
                break;
            }

            offset += n;
        }

        return offset;
    }

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }

    private enum Phase
    {
        Start,
        Property,
        Value,
        Skipping,
    }
}
