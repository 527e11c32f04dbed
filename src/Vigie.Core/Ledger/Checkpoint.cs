using System.Globalization;
using System.Text;

namespace Vigie.Core.Ledger;

/// <summary>
/// A C2SP tlog-checkpoint body: origin, tree size, root hash, then optional extension lines.
/// Equality compares the root hash and extensions by value.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    /// <summary>The note text to sign: every line, including the last, ends with a newline.</summary>
    public string ToBody()
    {
        if (Problem(Origin, Size, RootHash, Extensions) is { } problem)
        {
            throw new InvalidOperationException($"This checkpoint cannot be written: {problem}");
        }

        var body = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            body.Append(extension).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>
    /// Strict parse of tlog-checkpoint "Note text": at least three non-empty lines, the size in
    /// decimal without sign or leading zeros, the root as canonical base64 of 32 bytes.
    /// </summary>
    public static bool TryParse(string body, out Checkpoint? checkpoint, out string? error)
    {
        checkpoint = null;
        error = Parse(body, ref checkpoint);
        return error is null;
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size
        && RootHash.AsSpan().SequenceEqual(other.RootHash) && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Extensions.Count);

    private static string? Parse(string? body, ref Checkpoint? checkpoint)
    {
        if (string.IsNullOrEmpty(body) || body[^1] != '\n')
        {
            return "A checkpoint body ends with a newline.";
        }

        if (NoteFormat.ControlCharacterError(body) is { } controlError)
        {
            return controlError;
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length < 3)
        {
            return "A checkpoint has at least three lines: origin, tree size and root hash.";
        }

        if (!TryParseSize(lines[1], out var size))
        {
            return $"The tree size must be a decimal number without sign or leading zeros, got \"{Shorten(lines[1])}\".";
        }

        if (!NoteFormat.TryDecodeBase64(lines[2], out var root) || root.Length != MerkleHash.Size)
        {
            return $"The root hash must be canonical base64 of {MerkleHash.Size} bytes, got \"{Shorten(lines[2])}\".";
        }

        var candidate = new Checkpoint(lines[0], size, root, lines[3..]);
        if (Problem(candidate.Origin, size, root, candidate.Extensions) is { } problem)
        {
            return problem;
        }

        checkpoint = candidate;
        return null;
    }

    private static string? Problem(string? origin, long size, byte[]? root, IReadOnlyList<string>? extensions)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return "The origin line is empty.";
        }

        if (origin.Contains('\n') || NoteFormat.ControlCharacterError(origin) is not null)
        {
            return "The origin contains a newline or a control character.";
        }

        if (size < 0)
        {
            return $"The tree size cannot be negative, got {size}.";
        }

        if (root is null || root.Length != MerkleHash.Size)
        {
            return $"The root hash must be {MerkleHash.Size} bytes.";
        }

        if (extensions is null)
        {
            return "Extensions must be a list (possibly empty).";
        }

        foreach (var extension in extensions)
        {
            if (string.IsNullOrEmpty(extension) || extension.Contains('\n') || NoteFormat.ControlCharacterError(extension) is not null)
            {
                return "Extension lines must be non-empty, without newlines or control characters.";
            }
        }

        return null;
    }

    private static bool TryParseSize(string text, out long size)
    {
        size = 0;
        if (text.Length == 0 || text.Length > 19 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
