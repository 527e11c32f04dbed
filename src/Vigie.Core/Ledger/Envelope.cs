using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Core.Json;
using CommitmentHash = Vigie.Core.Ledger.Commitment;

namespace Vigie.Core.Ledger;

/// <summary>
/// One log entry: an RFC 8785 canonical JSON object
/// <c>{"actor"?, "body" | "commitment", "kind", "time", "visibility"}</c>
/// (DESIGN.md, "The ledger is the source of truth"). Public entries carry their body; the others
/// carry <c>"sha256:&lt;hex&gt;"</c> of a salted body kept outside the log.
/// </summary>
public sealed record Envelope
{
    /// <summary>
    /// Largest entry in bytes: C2SP tlog-tiles entry bundles prefix each entry with a big-endian
    /// uint16 length.
    /// </summary>
    public const int MaxBytes = 65535;

    /// <summary>What happened and the version of its body schema, e.g. <c>evidence.recorded/v1</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>When it happened; stored in UTC and truncated to whole milliseconds.</summary>
    public required DateTimeOffset Time { get; init => field = EnvelopeFormat.NormalizeTime(value); }

    /// <summary>The user name of who did it; null for anonymous entries.</summary>
    public string? Actor { get; init; }

    public required Visibility Visibility { get; init; }

    /// <summary>The body, a JSON object; present exactly when <see cref="Visibility"/> is Public.</summary>
    public JsonElement? Body
    {
        get;
        // Cloned so the entry does not depend on the lifetime of the caller's JsonDocument.
        init => field = value is { ValueKind: not JsonValueKind.Undefined } element ? element.Clone() : value;
    }

    /// <summary>SHA-256(salt ‖ canonical body), 32 bytes; present exactly when not Public.</summary>
    public byte[]? Commitment { get; init => field = value?.ToArray(); }

    /// <summary>The entry's canonical bytes, as stored and hashed into the log.</summary>
    /// <exception cref="InvalidOperationException">
    /// The envelope is inconsistent or larger than <see cref="MaxBytes"/>; build envelopes with
    /// <see cref="TryCreatePublic"/> / <see cref="TryCreateSealed"/> to get that as a value.
    /// </exception>
    public byte[] ToCanonicalJson() =>
        EnvelopeWriter.TrySerialize(this, out var json, out var error)
            ? json!
            : throw new InvalidOperationException($"Envelope cannot be serialized: {error}");

    /// <summary>True when <paramref name="kind"/> matches <c>^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+/v[1-9][0-9]{0,3}$</c> in at most 100 characters.</summary>
    public static bool IsValidKind(string kind) => EnvelopeFormat.IsValidKind(kind);

    /// <summary>True when <paramref name="actor"/> matches <c>^[a-z0-9][a-z0-9._-]{0,63}$</c>.</summary>
    public static bool IsValidActor(string actor) => EnvelopeFormat.IsValidActor(actor);

    /// <summary>
    /// Checks a stored entry by the same rules as <see cref="TryParse"/> without building it:
    /// what a verifier walking the whole log needs.
    /// </summary>
    public static bool IsValidEntry(ReadOnlySpan<byte> utf8, out string? error) =>
        EnvelopeReader.IsValid(utf8, out error);

    /// <summary>Parses a stored entry strictly; see <see cref="EnvelopeReader"/> for the rules.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Envelope? envelope, out string? error) =>
        EnvelopeReader.TryParse(utf8, out envelope, out error);

    /// <exception cref="ArgumentException">An argument is invalid or the entry would exceed <see cref="MaxBytes"/>.</exception>
    public static Envelope CreatePublic(string kind, DateTimeOffset time, string? actor, JsonElement body) =>
        TryCreatePublic(kind, time, actor, body, out var envelope, out var error)
            ? envelope!
            : throw new ArgumentException(error);

    /// <summary>Builds a public entry, or returns why it cannot be built (including oversize).</summary>
    public static bool TryCreatePublic(
        string kind, DateTimeOffset time, string? actor, JsonElement body, out Envelope? envelope, out string? error) =>
        TryCreatePublic(kind, time, actor, body, out envelope, out _, out error);

    /// <summary>As above, also giving the entry's canonical bytes (what the log stores and hashes).</summary>
    public static bool TryCreatePublic(
        string kind, DateTimeOffset time, string? actor, JsonElement body, out Envelope? envelope, out byte[]? canonical, out string? error)
    {
        envelope = null;
        canonical = null;
        if (!TryCanonicalBody(body, out var canonicalBody, out error))
        {
            return false;
        }

        using var document = JsonDocument.Parse(canonicalBody);
        var candidate = new Envelope
        {
            Kind = kind,
            Time = time,
            Actor = actor,
            Visibility = Visibility.Public,
            Body = document.RootElement,
        };
        if (!EnvelopeWriter.TrySerialize(candidate, canonicalBody, out canonical, out error))
        {
            return false;
        }

        envelope = candidate;
        return true;
    }

    /// <summary>Builds an internal or confidential entry with a fresh random 32-byte salt.</summary>
    /// <exception cref="ArgumentException">An argument is invalid, or <paramref name="visibility"/> is Public.</exception>
    public static (Envelope Envelope, SealedBody Sealed) CreateSealed(
        string kind, DateTimeOffset time, string? actor, Visibility visibility, JsonElement body) =>
        TryCreateSealed(kind, time, actor, visibility, body, out var envelope, out var sealedBody, out var error)
            ? (envelope!, sealedBody!)
            : throw new ArgumentException(error);

    /// <summary>Builds an internal or confidential entry, or returns why it cannot be built.</summary>
    public static bool TryCreateSealed(
        string kind,
        DateTimeOffset time,
        string? actor,
        Visibility visibility,
        JsonElement body,
        out Envelope? envelope,
        out SealedBody? sealedBody,
        out string? error) =>
        TryCreateSealed(kind, time, actor, visibility, body, RandomNumberGenerator.GetBytes(SealedBody.SaltLength), out envelope, out sealedBody, out _, out error);

    /// <summary>As above, also giving the entry's canonical bytes (what the log stores and hashes).</summary>
    public static bool TryCreateSealed(
        string kind,
        DateTimeOffset time,
        string? actor,
        Visibility visibility,
        JsonElement body,
        out Envelope? envelope,
        out SealedBody? sealedBody,
        out byte[]? canonical,
        out string? error) =>
        TryCreateSealed(kind, time, actor, visibility, body, RandomNumberGenerator.GetBytes(SealedBody.SaltLength), out envelope, out sealedBody, out canonical, out error);

    /// <summary>As the public overload, with a chosen salt (for known-answer tests).</summary>
    internal static bool TryCreateSealed(
        string kind,
        DateTimeOffset time,
        string? actor,
        Visibility visibility,
        JsonElement body,
        byte[] salt,
        out Envelope? envelope,
        out SealedBody? sealedBody,
        out byte[]? canonical,
        out string? error)
    {
        envelope = null;
        sealedBody = null;
        canonical = null;
        if (visibility == Visibility.Public)
        {
            error = "a public entry carries its body; use CreatePublic";
            return false;
        }

        if (salt.Length != SealedBody.SaltLength)
        {
            error = $"salt must be {SealedBody.SaltLength} bytes";
            return false;
        }

        if (!TryCanonicalBody(body, out var canonicalBody, out error))
        {
            return false;
        }

        var candidate = new Envelope
        {
            Kind = kind,
            Time = time,
            Actor = actor,
            Visibility = visibility,
            Commitment = CommitmentHash.Compute(salt, canonicalBody),
        };
        if (!EnvelopeWriter.TrySerialize(candidate, out canonical, out error))
        {
            return false;
        }

        envelope = candidate;
        sealedBody = new SealedBody(salt.ToArray(), canonicalBody);
        return true;
    }

    // Records compare JsonElement and byte[] by reference; entries are equal when their content is.
    public bool Equals(Envelope? other) =>
        other is not null
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && Time == other.Time
        && string.Equals(Actor, other.Actor, StringComparison.Ordinal)
        && Visibility == other.Visibility
        && (Body, other.Body) switch
        {
            (null, null) => true,
            ({ } a, { } b) => JsonElement.DeepEquals(a, b),
            _ => false,
        }
        && (Commitment, other.Commitment) switch
        {
            (null, null) => true,
            ({ } a, { } b) => a.AsSpan().SequenceEqual(b),
            _ => false,
        };

    public override int GetHashCode() => HashCode.Combine(Kind, Time, Actor, Visibility);

    private static bool TryCanonicalBody(JsonElement body, out byte[] canonicalBody, out string? error)
    {
        canonicalBody = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = $"body must be a JSON object, not {body.ValueKind}";
            return false;
        }

        if (!Jcs.TryCanonicalize(JsonMarshal.GetRawUtf8Value(body), out var canonical, out var jsonError))
        {
            error = $"body cannot be canonicalized (RFC 8785): {jsonError}";
            return false;
        }

        canonicalBody = canonical!;
        error = null;
        return true;
    }
}
