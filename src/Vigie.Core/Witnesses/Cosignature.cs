using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// A C2SP tlog-cosignature v1 (Ed25519, key type 0x04): a witness's timestamped statement that,
/// as of <see cref="Timestamp"/>, this is the largest consistent tree it has seen for the log.
/// On the wire it is a signed-note signature line whose bytes are
/// key id (4) ‖ timestamp (8, big-endian) ‖ Ed25519 signature (64) ("Format", timestamped_signature).
/// </summary>
public sealed record Cosignature(string Name, uint KeyId, ulong Timestamp, byte[] Signature)
{
    /// <summary>Bytes after the key id: the 8-byte timestamp and the 64-byte signature.</summary>
    public const int SignatureBytes = 8 + NoteFormat.Ed25519SignatureSize;

    /// <summary>"It MUST NOT exceed 2^63 - 1" (tlog-cosignature, "Format").</summary>
    public const ulong MaxTimestamp = long.MaxValue;

    /// <summary>
    /// The signed message (tlog-cosignature, "Ed25519 signed message"): the header line
    /// <c>cosignature/v1</c>, the line <c>time &lt;decimal&gt;</c>, then the whole checkpoint note
    /// text including its final newline and any extension lines, but no signature lines.
    /// </summary>
    public static byte[] Message(string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        var header = "cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n";
        return Encoding.UTF8.GetBytes(header + checkpointText);
    }

    /// <summary>The time as an instant (POSIX seconds, UTC).</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(Timestamp, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()));

    /// <summary>The note signature line, with its newline: <c>— &lt;name&gt; base64(key id ‖ timestamp ‖ signature)</c>.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + SignatureBytes];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(4), Timestamp);
        Signature.CopyTo(bytes, 12);
        return $"{NoteFormat.SignaturePrefix}{Name} {Convert.ToBase64String(bytes)}\n";
    }

    /// <summary>
    /// Reads a note signature as a cosignature: exactly 72 bytes after the key id, and a timestamp
    /// within 2^63 - 1. Says why not otherwise (a log's own signature is 64 bytes, for instance).
    /// </summary>
    public static bool TryFrom(NoteSignature signature, out Cosignature? cosignature, out string? error)
    {
        ArgumentNullException.ThrowIfNull(signature);
        cosignature = null;
        if (signature.Signature.Length != SignatureBytes)
        {
            error = $"The signature by {signature.Name} has {signature.Signature.Length} bytes after its key id; a cosignature/v1 has {SignatureBytes} (timestamp and Ed25519 signature).";
            return false;
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        if (timestamp > MaxTimestamp)
        {
            error = $"The cosignature by {signature.Name} has a timestamp above 2^63 - 1.";
            return false;
        }

        cosignature = new Cosignature(signature.Name, signature.KeyId, timestamp, signature.Signature[8..]);
        error = null;
        return true;
    }

    /// <summary>Reads one signature line <c>— &lt;name&gt; &lt;base64&gt;</c> (its newline optional) as a cosignature.</summary>
    public static bool TryParseLine(string? line, out Cosignature? cosignature, out string? error)
    {
        cosignature = null;
        if (string.IsNullOrEmpty(line) || line.Length > 4096)
        {
            error = "The signature line is empty or too long.";
            return false;
        }

        error = SignedNote.ParseLine(line.EndsWith('\n') ? line[..^1] : line, out var signature);
        return error is null && TryFrom(signature, out cosignature, out error);
    }

    public bool Equals(Cosignature? other) =>
        other is not null && Name == other.Name && KeyId == other.KeyId && Timestamp == other.Timestamp
        && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(Name, KeyId, Timestamp);
}
