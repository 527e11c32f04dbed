using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Concerns;

/// <summary>
/// What an anonymous reporter keeps to come back to their concern: 36 Crockford base32 symbols
/// shown as 9 groups of 4 (<c>7QK2-M9TA-...</c>). Symbols 1–9 are the <see cref="Locator"/>
/// (45 random bits) that finds the concern's row without scanning; symbols 10–35 are the secret
/// (26 symbols, 130 random bits); symbol 36 is a check symbol that catches typing errors before
/// any lookup. The server stores the locator and a <see cref="ConcernReceiptHash"/>, never the
/// receipt. See docs/decisions/0005-concern-encryption.md.
/// </summary>
public sealed class ConcernReceipt
{
    /// <summary>Symbols in a receipt, check symbol included.</summary>
    public const int Length = 36;

    /// <summary>Symbols in the locator.</summary>
    public const int LocatorLength = 9;

    /// <summary>Symbols in the secret part.</summary>
    public const int SecretLength = 26;

    private const int GroupSize = 4;

    private readonly string symbols;

    private ConcernReceipt(string symbols) => this.symbols = symbols;

    /// <summary>
    /// The first 9 symbols: random, unique per concern (the server retries on a clash), not
    /// secret. Index the concern by it; verify the whole receipt against its hash.
    /// </summary>
    public string Locator => symbols[..LocatorLength];

    /// <summary>The receipt as the reporter sees it, once: 9 groups of 4 joined by hyphens. Secret.</summary>
    public string DisplayText => string.Join('-', symbols.Chunk(GroupSize).Select(g => new string(g)));

    /// <summary>What Argon2id hashes: the 35 symbols before the check symbol, ASCII.</summary>
    internal byte[] HashInput => Encoding.ASCII.GetBytes(symbols[..^1]);

    /// <summary>A new receipt from the system's cryptographic random generator.</summary>
    public static ConcernReceipt Generate()
    {
        var body = new char[Length - 1];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = CrockfordBase32.Alphabet[RandomNumberGenerator.GetInt32(CrockfordBase32.Alphabet.Length)];
        }

        var text = new string(body);
        return new ConcernReceipt(text + CheckSymbol(text));
    }

    /// <summary>
    /// Reads a receipt as a person typed it: any case, hyphens and blanks anywhere, I/L for 1 and
    /// O for 0. Errors never repeat the receipt, so they are safe to log.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ConcernReceipt? receipt, [NotNullWhen(false)] out string? error)
    {
        receipt = null;
        var canonical = new StringBuilder(Length);
        foreach (var c in text ?? "")
        {
            if (CrockfordBase32.IsSeparator(c))
            {
                continue;
            }

            if (CrockfordBase32.Normalize(c) is not { } symbol)
            {
                error = "A receipt uses only the digits 0-9 and the letters A-Z without U (I, L and O are read as 1, 1 and 0).";
                return false;
            }

            canonical.Append(symbol);
        }

        if (canonical.Length != Length)
        {
            error = $"A receipt has {Length} characters in {Length / GroupSize} groups of {GroupSize}; this one has {canonical.Length}.";
            return false;
        }

        var symbols = canonical.ToString();
        if (CheckSymbol(symbols[..^1]) != symbols[^1])
        {
            error = "This receipt has a typing error: its last character does not match the others. Check each group.";
            return false;
        }

        receipt = new ConcernReceipt(symbols);
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a locator as the server receives it: 9 canonical symbols.</summary>
    public static bool IsLocator(string? text) =>
        text is { Length: LocatorLength } && text.All(c => CrockfordBase32.Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>Reads a receipt as a person typed it.</summary>
    /// <exception cref="FormatException">It is not a receipt; the message says why.</exception>
    public static ConcernReceipt Parse(string text) =>
        TryParse(text, out var receipt, out var error) ? receipt : throw new FormatException(error);

    /// <summary>Deliberately only the locator: receipts must not end up in logs.</summary>
    public override string ToString() => $"ConcernReceipt({Locator}…)";

    /// <summary>The symbol for the first 5 bits of SHA-256 of the other 35 symbols.</summary>
    internal static char CheckSymbol(string body) =>
        CrockfordBase32.Alphabet[SHA256.HashData(Encoding.ASCII.GetBytes(body))[0] >> 3];
}
