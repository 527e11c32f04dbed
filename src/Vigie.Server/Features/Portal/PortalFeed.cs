using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Vigie.Server.Features.Decisions;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// /feed.atom (RFC 4287): public decisions, dissents, governance documents and disclosures,
/// newest first. Each item's id is the page of its log entry, so a reader can prove it.
/// </summary>
public static class PortalFeed
{
    private const int MaxItems = 100;

    public static void MapPortalFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", async (HttpContext context, PortalData data, DecisionQueries decisions, PortalQueries portal) =>
        {
            var snapshot = await data.CurrentAsync(context.RequestAborted);
            var site = $"{context.Request.Scheme}://{context.Request.Host}";
            // The feed changes only with the published checkpoint: built once per checkpoint and site address.
            var xml = await data.MemoAsync("feed " + site, snapshot, () => BuildAsync(snapshot, site, decisions, portal, context.RequestAborted));
            return Results.Text(xml, "application/atom+xml; charset=utf-8");
        });
    }

    private static async Task<string> BuildAsync(PortalSnapshot snapshot, string site, DecisionQueries decisions, PortalQueries portal, CancellationToken cancellationToken)
    {
        var items = new List<SyndicationItem>();
        foreach (var (summary, state) in await decisions.PublicStatesAsync(cancellationToken))
        {
            var page = $"{site}/decisions/{summary.Id}";
            items.Add(Item($"{site}/entries/{summary.LogIndex}", $"Decision {summary.Id}: {summary.Title} ({summary.Status})",
                $"A {summary.Type} decision{(summary.System is null ? "" : $" about {summary.System} {summary.Version}")}, opened by {summary.OpenedBy}; status {summary.Status}. Log entry {summary.LogIndex}.",
                page, summary.ClosedAt ?? summary.OpenedAt, "decision"));
            foreach (var dissent in state.Dissents)
            {
                var text = dissent.IsConfidential
                    ? $"{dissent.Author} dissented; the statement is confidential ({dissent.ConfidentialReason})."
                    : $"{dissent.Author} dissented: {dissent.Statement}";
                items.Add(Item($"{site}/entries/{dissent.Entry}", $"Dissent on {summary.Id} by {dissent.Author}", text + $" Log entry {dissent.Entry}.",
                    page + "#dissent", Core.Ledger.LedgerTime.Format(dissent.At), "dissent"));
            }
        }

        foreach (var document in snapshot.Documents)
        {
            items.Add(Item($"{site}/entries/{document.LogIndex}", $"{document.Name} version {document.Version} adopted",
                (document.Summary ?? document.Name) + $". Log entry {document.LogIndex}.", $"{site}/documents#{document.Kind}-{document.Name}",
                document.AdoptedAt, document.Kind));
        }

        foreach (var disclosure in await portal.RecentDisclosuresAsync(MaxItems, cancellationToken))
        {
            items.Add(Item($"{site}/entries/{disclosure.LogIndex}", $"Entry {disclosure.Entry} published",
                $"The content of withheld entry {disclosure.Entry} was published by entry {disclosure.LogIndex}" + (disclosure.Reason is null ? "." : $": {disclosure.Reason}"),
                $"{site}/entries/{disclosure.Entry}", disclosure.PublishedAt, "disclosure"));
        }

        var feed = new SyndicationFeed(
            $"Governance of {snapshot.Checkpoint.Checkpoint.Note.Split('\n')[0]}",
            $"Decisions, dissents and governance documents recorded in the transparency log (checkpoint {snapshot.Checkpoint.Size}).",
            new Uri(site + "/"), site + "/feed.atom", items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.LastUpdatedTime))
        {
            Items = items.OrderByDescending(i => i.LastUpdatedTime).ThenByDescending(i => i.Id, StringComparer.Ordinal).Take(MaxItems).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Vigie" });
        feed.Links.Add(new SyndicationLink(new Uri(site + "/feed.atom"), "self", null, "application/atom+xml", 0));

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Item(string id, string title, string text, string link, string time, string category)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var item = new SyndicationItem(title, text, new Uri(link), id, at) { PublishDate = at };
        item.Categories.Add(new SyndicationCategory(category));
        return item;
    }
}
