using System.Security.Cryptography;
using System.Text.Json;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Concerns;

/// <summary>
/// A concern as its reporter reads it: the server's status, opened with the reply key derived
/// from the receipt (the report itself and every message), and saved as one file to take to a
/// regulator (format vigie-concern-bundle/v1: the status as served, proofs included, plus the
/// opened texts).
/// </summary>
internal sealed record ReporterView(JsonElement Status, ConcernReport? Report, IReadOnlyList<ReporterView.Message> Messages)
{
    public const string BundleFormat = "vigie-concern-bundle/v1";

    public sealed record Message(string Step, string On, string By, string? Text);

    public static ReporterView Open(JsonElement status, ConcernKeyPair replyKey)
    {
        ConcernReport? report = null;
        if (ConcernEnvelope.TryParse(status.GetProperty("envelope"), out var envelope, out _) && envelope.Open(replyKey) is { IsOpened: true } opened)
        {
            ConcernReport.TryRead(opened.Content, out report, out _);
        }

        var messages = status.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("message").ValueKind == JsonValueKind.Object)
            .Select(e => new Message(e.GetProperty("step").GetString()!, e.GetProperty("on").GetString()!, e.GetProperty("by").GetString()!,
                OpenMessage(e.GetProperty("message"), replyKey)))
            .ToList();
        return new ReporterView(status, report, messages);
    }

    public object ToBundle(string server, string savedOn) => new
    {
        format = BundleFormat,
        server,
        savedOn,
        report = Report is null ? null : new
        {
            text = Report.Text,
            attachments = Report.Attachments.Select(a => new { name = a.Name, mediaType = a.MediaType, size = a.Data.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(a.Data)), data = Convert.ToBase64String(a.Data) }),
        },
        messages = Messages.Select(m => new { step = m.Step, on = m.On, by = m.By, text = m.Text }),
        status = Status,
    };

    private static string? OpenMessage(JsonElement json, ConcernKeyPair key) =>
        ConcernEnvelope.TryParse(json, out var envelope, out _) && envelope.Open(key) is { IsOpened: true } opened
        && ConcernMessage.TryRead(opened.Content, out var message, out _) ? message.Text : null;
}
