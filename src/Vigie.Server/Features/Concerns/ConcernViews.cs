using System.Text.Json;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// A concern as its reporter and as its recipients see it. The reporter's view never names a
/// recipient; the recipients' view names who took each step (from the internal companions).
/// </summary>
public sealed class ConcernViews(ConcernQueries queries, ConcernClockCheck clocks, ConcernProofs proofs, TimeProvider time)
{
    public async Task<object> ForReporterAsync(ConcernQueries.ConcernRow concern, CancellationToken cancellationToken)
    {
        var (events, recipients, clockViews) = await LoadAsync(concern, cancellationToken);
        var routing = await queries.RoutingAsync(cancellationToken);
        var indexes = new List<long> { concern.ReceivedIndex };
        indexes.AddRange(events.Select(e => e.FactIndex));
        indexes.AddRange(events.Where(e => e.DetailIndex is not null).Select(e => e.DetailIndex!.Value));
        return new
        {
            concern = concern.Id,
            status = concern.Status,
            receivedOn = concern.ReceivedOn,
            entersLogOn = concern.EntersLogOn,
            acknowledgedOn = concern.AcknowledgedOn,
            closedOn = concern.ClosedOn,
            outcome = concern.Outcome,
            category = concern.Category,
            about = concern.AboutList,
            index = concern.FiledIndex,
            receivedIndex = concern.EntersLogOn is null ? concern.ReceivedIndex : (long?)null,
            envelopeSha256 = concern.EnvelopeSha256,
            envelope = Json(concern.Envelope),
            reporterKeyId = concern.ReporterKeyId,
            clocks = clockViews.Select(c => c.ToJson()),
            events = events.Select(e => Event(e, reporterView: true)),
            recipients = recipients.Select(r => new { keyId = r.KeyId, publicKey = r.PublicKey }),
            externalChannels = routing?.ExternalChannels ?? [],
            proofs = await proofs.BuildAsync(indexes, cancellationToken),
        };
    }

    public async Task<object> ForRecipientAsync(ConcernQueries.ConcernRow concern, CancellationToken cancellationToken)
    {
        var (events, recipients, clockViews) = await LoadAsync(concern, cancellationToken);
        return new
        {
            concern = concern.Id,
            status = concern.Status,
            receivedOn = concern.ReceivedOn,
            acknowledgedOn = concern.AcknowledgedOn,
            closedOn = concern.ClosedOn,
            outcome = concern.Outcome,
            category = concern.Category,
            about = concern.AboutList,
            level = concern.Level,
            tier = ConcernRouting.TierName(concern.TierList, (int)concern.Level),
            index = concern.FiledIndex,
            envelope = Json(concern.Envelope),
            reporterKeyId = concern.ReporterKeyId,
            clocks = clockViews.Select(c => c.ToJson()),
            events = events.Select(e => Event(e, reporterView: false)),
            recipients = recipients.Select(r => new
            {
                user = r.UserName, keyId = r.KeyId, publicKey = r.PublicKey, tier = ConcernRouting.TierName(concern.TierList, (int)r.Tier),
            }),
        };
    }

    private async Task<(IReadOnlyList<ConcernQueries.EventRow>, IReadOnlyList<ConcernQueries.RecipientRow>, IReadOnlyList<ConcernClockView>)> LoadAsync(
        ConcernQueries.ConcernRow concern, CancellationToken cancellationToken)
    {
        var events = await queries.EventsAsync(concern.Id, cancellationToken);
        var recipients = await queries.RecipientsAsync(concern.Id, cancellationToken);
        var zone = await clocks.ZoneAsync(cancellationToken);
        return (events, recipients, ConcernClockView.Of(concern, zone, time.GetUtcNow()));
    }

    private static object Event(ConcernQueries.EventRow e, bool reporterView) => new
    {
        step = e.Step,
        on = e.OnDate,
        index = e.FactIndex,
        detailIndex = e.DetailIndex,
        by = e.Step is ConcernNames.StepFiled or ConcernNames.StepAnswered ? "reporter"
            : e.Step == ConcernNames.StepEscalated ? "clock"
            : reporterView ? "recipient" : e.Actor,
        feedback = e.Feedback != 0,
        outcome = e.Outcome,
        obligation = e.Obligation,
        dueDate = e.DueDate,
        tier = e.Tier,
        message = e.Message is null ? (JsonElement?)null : Json(e.Message),
    };

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
