using System.Buffers.Binary;
using System.Text;

namespace Vigie.Core.Ledger;

/// <summary>Opening and verifying C2SP signed notes.</summary>
public static class SignedNote
{
    /// <summary>signed-note "Format": verifiers SHOULD cap the signature count and MUST accept 16.</summary>
    public const int MaxSignatures = 100;

    /// <summary>Upper bound on a note's length in characters; far above any checkpoint with 100 cosignatures.</summary>
    public const int MaxNoteLength = 1 << 20;

    /// <summary>
    /// Parses <paramref name="note"/> per C2SP signed-note and verifies the signatures of known keys
    /// (name AND key id must match, "Signatures"). Unknown keys are ignored. Fails when the note is
    /// malformed, when a known key's signature does not verify, or when no known key signed it.
    /// </summary>
    public static bool TryOpen(string note, IEnumerable<NoteVerifier> known, out OpenedNote? opened, out string? error)
    {
        opened = null;
        error = Open(note, known, ref opened);
        return error is null;
    }

    /// <summary>As <see cref="TryOpen(string, IEnumerable{NoteVerifier}, out OpenedNote?, out string?)"/>,
    /// from raw bytes, which must be valid UTF-8 (signed-note "Format").</summary>
    public static bool TryOpen(ReadOnlySpan<byte> note, IEnumerable<NoteVerifier> known, out OpenedNote? opened, out string? error)
    {
        opened = null;
        string text;
        try
        {
            text = NoteFormat.StrictUtf8.GetString(note);
        }
        catch (DecoderFallbackException)
        {
            error = "The note is not valid UTF-8.";
            return false;
        }

        return TryOpen(text, known, out opened, out error);
    }

    private static string? Open(string? note, IEnumerable<NoteVerifier>? known, ref OpenedNote? opened)
    {
        if (known is null)
        {
            return "No verifier keys were given.";
        }

        if (string.IsNullOrEmpty(note))
        {
            return "The note is empty.";
        }

        if (note.Length > MaxNoteLength)
        {
            return $"The note is longer than {MaxNoteLength} characters.";
        }

        if (NoteFormat.ControlCharacterError(note) is { } controlError)
        {
            return controlError;
        }

        // "The text is separated from the signatures by the last empty line in the note."
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return "The note has no blank line separating its text from the signatures.";
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n')
        {
            return "The note has no signature lines after the blank line, or does not end with a newline.";
        }

        var knownList = known.ToList();
        var textBytes = Encoding.UTF8.GetBytes(text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            return $"The note has {lines.Length} signatures; at most {MaxSignatures} are read.";
        }

        foreach (var line in lines)
        {
            if (ParseLine(line, out var signature) is { } lineError)
            {
                return lineError;
            }

            var candidates = knownList.Where(v => v.Name == signature.Name && v.KeyId == signature.KeyId).ToList();
            if (candidates.Count == 0)
            {
                if (!unverified.Contains(signature))
                {
                    unverified.Add(signature);
                }

                continue;
            }

            // A known key that fails to verify means the note was tampered with or mis-signed.
            if (!candidates.Any(v => v.Verify(textBytes, signature.Signature)))
            {
                return $"The signature by known key {signature.Name}+{NoteFormat.Hex8(signature.KeyId)} does not verify: the note was altered or signed by a different key.";
            }

            if (!verified.Any(s => s.Name == signature.Name && s.KeyId == signature.KeyId))
            {
                verified.Add(signature);
            }
        }

        if (verified.Count == 0)
        {
            return "No signature on the note is by a known key; its text cannot be trusted.";
        }

        opened = new OpenedNote(text, verified, unverified);
        return null;
    }

    /// <summary>One line <c>— &lt;name&gt; base64(key id || signature)</c> (signed-note "Signatures").</summary>
    internal static string? ParseLine(string line, out NoteSignature signature)
    {
        signature = null!;
        if (!line.StartsWith(NoteFormat.SignaturePrefix, StringComparison.Ordinal))
        {
            return "Each signature line must start with an em dash (U+2014) and a space.";
        }

        var body = line[NoteFormat.SignaturePrefix.Length..];
        var space = body.IndexOf(' ');
        if (space < 0)
        {
            return "A signature line must be \"— <key name> <base64 signature>\".";
        }

        var name = body[..space];
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            return nameError;
        }

        if (!NoteFormat.TryDecodeBase64(body[(space + 1)..], out var bytes) || bytes.Length < 5)
        {
            return $"The signature by {name} is not canonical base64 of a key id and a signature.";
        }

        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
        return null;
    }
}
