using Vigie.Core.Json;

namespace Vigie.Core.Ledger;

/// <summary>
/// The verifier's shortcut for the common case, an entry that is valid: decides from the entry's
/// own bytes, in one pass and without allocating, that it is canonical JCS (<see cref="JcsCheck"/>)
/// and that its fields obey every rule <see cref="EnvelopeReader"/> applies. It only ever answers
/// "valid" or "not shown"; for the latter the reader runs its full checks, which give the verdict
/// and the reason, so the shortcut can never make verification less strict or change a message.
/// </summary>
internal static class EnvelopeCheck
{
    /// <summary>A valid envelope has at most five members; one more slot tells an extra member apart.</summary>
    private const int MemberSlots = 6;

    public static bool IsCanonicalAndValid(ReadOnlySpan<byte> utf8)
    {
        Span<JcsCheck.Member> members = stackalloc JcsCheck.Member[MemberSlots];
        if (utf8.Length > Envelope.MaxBytes || utf8.IsEmpty || utf8[0] != (byte)'{'
            || !JcsCheck.IsCanonical(utf8, members, out var count) || count > MemberSlots)
        {
            return false;
        }

        int kind = -1, time = -1, actor = -1, visibility = -1, commitment = -1;
        var hasBody = false;
        for (var m = 0; m < count; m++)
        {
            var name = utf8.Slice(members[m].NameStart + 1, members[m].NameLength - 2);
            var first = utf8[members[m].ValueStart];
            if (name.SequenceEqual("body"u8))
            {
                hasBody = first == (byte)'{';
                if (!hasBody)
                {
                    return false;
                }

                continue;
            }

            // Every other field is a string. None of their patterns admits a character that
            // canonical JSON escapes, so an escaped value is invalid: left to the full reader.
            if (first != (byte)'"' || Text(utf8, members[m]).IndexOf((byte)'\\') >= 0)
            {
                return false;
            }

            if (name.SequenceEqual("kind"u8))
            {
                kind = m;
            }
            else if (name.SequenceEqual("time"u8))
            {
                time = m;
            }
            else if (name.SequenceEqual("actor"u8))
            {
                actor = m;
            }
            else if (name.SequenceEqual("visibility"u8))
            {
                visibility = m;
            }
            else if (name.SequenceEqual("commitment"u8))
            {
                commitment = m;
            }
            else
            {
                return false; // unknown field
            }
        }

        if (kind < 0 || time < 0 || visibility < 0
            || !EnvelopeFormat.IsValidKind(Text(utf8, members[kind]))
            || !EnvelopeFormat.TryParseTimeExact(Text(utf8, members[time]), out _)
            || (actor >= 0 && !EnvelopeFormat.IsValidActor(Text(utf8, members[actor])))
            || !EnvelopeFormat.TryParseVisibility(Text(utf8, members[visibility]), out var parsedVisibility))
        {
            return false;
        }

        // Public entries carry their body and no commitment; the others a valid commitment and no body.
        return parsedVisibility == Visibility.Public
            ? hasBody && commitment < 0
            : !hasBody && commitment >= 0 && EnvelopeFormat.IsValidCommitment(Text(utf8, members[commitment]));
    }

    /// <summary>A string member's value without its quotes.</summary>
    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> utf8, JcsCheck.Member member) =>
        utf8.Slice(member.ValueStart + 1, member.ValueLength - 2);
}
