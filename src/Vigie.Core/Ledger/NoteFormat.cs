using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Ledger;

/// <summary>Shared rules of C2SP signed-note: key names, key IDs, note text and strict base64.</summary>
internal static class NoteFormat
{
    /// <summary>signed-note "Signature types": 0x01 is Ed25519.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>C2SP tlog-cosignature "Format": 0x04 is an Ed25519 timestamped cosignature (cosignature/v1).</summary>
    public const byte Ed25519CosignatureType = 0x04;

    public const int Ed25519KeySize = 32;
    public const int Ed25519SignatureSize = 64;

    /// <summary>Em dash (U+2014) and a space open every signature line.</summary>
    public const string SignaturePrefix = "\u2014 ";

    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>signed-note: key names are non-empty, with no Unicode spaces and no '+'. Control
    /// characters and unpaired surrogates are refused too, as no valid note could carry them.</summary>
    public static string? KeyNameError(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "The key name is empty.";
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))
            {
                return $"The key name \"{name}\" contains a space, a '+' or a control character, which signed-note forbids.";
            }
        }

        return HasUnpairedSurrogate(name) ? "The key name is not valid Unicode." : null;
    }

    /// <summary>signed-note "Ed25519 signatures": SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian.</summary>
    public static uint Ed25519KeyId(string name, ReadOnlySpan<byte> publicKey) => KeyId(name, Ed25519Type, publicKey);

    /// <summary>SHA-256(name || 0x0A || type || public key)[:4], big-endian: signed-note's key id rule,
    /// which tlog-cosignature reuses with its own type byte.</summary>
    public static uint KeyId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        input[nameBytes.Length + 1] = type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>signed-note "Format": text ends with a newline, is valid Unicode and has no ASCII
    /// control characters other than newline.</summary>
    public static string? TextError(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[^1] != '\n')
        {
            return "The note text must end with a newline.";
        }

        return ControlCharacterError(text);
    }

    public static string? ControlCharacterError(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 && text[i] != '\n')
            {
                return $"The note contains control character U+{(int)text[i]:X4} at position {i}; only newlines are allowed.";
            }
        }

        return HasUnpairedSurrogate(text) ? "The note is not valid UTF-8 (unpaired surrogate)." : null;
    }

    public static string Hex8(uint keyId) => keyId.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Exactly 8 hex digits (either case; we always write lowercase).</summary>
    public static bool TryParseHex8(string text, out uint value)
    {
        value = 0;
        return text.Length == 8 && text.All(char.IsAsciiHexDigit)
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>RFC 4648 §4 base64 in its one canonical spelling: padded, no whitespace, zero pad
    /// bits. Anything else would let one signature or hash have several encodings.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0 || text.Length > 64 * 1024)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return string.Equals(Convert.ToBase64String(bytes), text, StringComparison.Ordinal);
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
