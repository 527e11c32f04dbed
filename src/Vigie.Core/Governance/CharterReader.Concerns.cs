using Vigie.Core.Concerns;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Governance;

/// <summary>
/// The charter's optional <c>concerns</c> section (issue 7: routing is a charter setting):
/// <code>
/// concerns:
///   recipients:
///     - { user: rosa, outside-line: false }
///     - { user: sam, outside-line: true }
///   tiers:
///     - { name: board-committee, recipients: [carol] }
///   zone: Europe/Paris
///   external-channels:
///     - { name: EU AI Office, url: "https://example.org/report" }
/// </code>
/// </summary>
public static partial class CharterReader
{
    private static ConcernRoutingSettings? ConcernsOf(YamlNode node, List<CharterError> errors)
    {
        if (YamlFields.Of(node, "'concerns'", errors) is not { } section)
        {
            return null;
        }

        section.AllowOnly("recipients", "tiers", "zone", "external-channels");
        var before = errors.Count;
        var recipients = ListOf(section, "recipients", required: true, errors, (item, fields) =>
        {
            fields.AllowOnly("user", "outside-line");
            var user = fields.Text("user", required: true, maxLength: 64);
            return user is null ? null : new ConcernRoutingSettings.Recipient(user, fields.Boolean("outside-line") ?? false);
        });
        var tiers = ListOf(section, "tiers", required: false, errors, (item, fields) =>
        {
            fields.AllowOnly("name", "recipients");
            var name = fields.Text("name", required: true, maxLength: 60);
            var users = Users(fields, errors);
            return name is null ? null : new ConcernRoutingSettings.Tier(name, users);
        });
        var zone = section.Text("zone", required: false, maxLength: 64) ?? ClockZone.Utc.Id;
        var channels = ListOf(section, "external-channels", required: false, errors, (item, fields) =>
        {
            fields.AllowOnly("name", "url");
            var name = fields.Text("name", required: true, maxLength: 120);
            var url = fields.Text("url", required: true, maxLength: 500);
            return name is null || url is null ? null : new ConcernRoutingSettings.Channel(name, url);
        });
        if (errors.Count > before)
        {
            return null;
        }

        var settings = new ConcernRoutingSettings(recipients, tiers, zone, channels);
        if (settings.Check() is { } invalid)
        {
            YamlFields.Add(errors, node, "'concerns': " + invalid);
            return null;
        }

        return settings;
    }

    private static List<T> ListOf<T>(YamlFields section, string key, bool required, List<CharterError> errors, Func<YamlNode, YamlFields, T?> read)
        where T : class
    {
        var node = section.Get(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            YamlFields.Add(errors, node, $"'{key}' in 'concerns' must be a list.");
            return [];
        }

        var items = new List<T>();
        foreach (var item in sequence.Children)
        {
            if (YamlFields.Of(item, $"an item of '{key}'", errors) is { } fields && read(item, fields) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }

    private static List<string> Users(YamlFields tier, List<CharterError> errors)
    {
        if (tier.Get("recipients", required: true) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            YamlFields.Add(errors, node, "a tier's 'recipients' must be a list of user names, such as [carol].");
            return [];
        }

        return [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value!)];
    }
}
