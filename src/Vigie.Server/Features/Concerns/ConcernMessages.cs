using System.Text.Json;
using Vigie.Core.Concerns;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Checks a sealed reply or answer before it is recorded: it must be a concern envelope sealed to
/// exactly the reporter's reply key and every recipient of the concern, so the reporter can always
/// read what is said to them and every recipient, escalation tiers included, reads the same thread.
/// </summary>
public static class ConcernMessages
{
    public static async Task<(JsonElement? Message, IResult? Problem)> CheckAsync(
        ConcernQueries queries, ConcernQueries.ConcernRow concern, JsonElement message, CancellationToken cancellationToken)
    {
        if (!ConcernEnvelope.TryParse(message, out var envelope, out var error))
        {
            return (null, Problems.BadRequest($"\"message\": {error}"));
        }

        var expected = (await queries.RecipientsAsync(concern.Id, cancellationToken)).Select(r => r.KeyId).Append(concern.ReporterKeyId)
            .ToHashSet(StringComparer.Ordinal);
        if (!expected.SetEquals(envelope.RecipientKeyIds) || envelope.RecipientKeyIds.Count != expected.Count)
        {
            return (null, Problems.BadRequest(
                $"A message on concern {concern.Id} is sealed to the reporter's reply key {concern.ReporterKeyId} and to every recipient "
                + $"({string.Join(", ", expected.Where(k => k != concern.ReporterKeyId).Order())}); this one is sealed to {string.Join(", ", envelope.RecipientKeyIds)}."));
        }

        using var document = JsonDocument.Parse(envelope.ToJson());
        return (document.RootElement.Clone(), null);
    }
}
