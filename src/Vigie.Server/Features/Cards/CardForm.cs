using Microsoft.AspNetCore.Http;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// The web editor's form: one input per card field (named by its path), the prose as one
/// Markdown text, extra keys as JSON. Reads what was posted, and turns it into the next card with
/// the same rules as the API, keeping what the person typed and the problems per field so the
/// page can show each message next to its input.
/// </summary>
public sealed class CardForm
{
    public const string Sections = CardSchema.Sections;
    public const string Extra = CardSchema.Extra;

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>Every path the form edits: catalogue fields, then the prose and the extra keys.</summary>
    public static IEnumerable<string> Paths => CardSchema.Fields.Select(f => f.Path).Append(Sections).Append(Extra);

    /// <summary>Messages not about one field (e.g. the card is too large).</summary>
    public List<string> General { get; } = [];

    public static CardForm From(ModelCard card)
    {
        var form = new CardForm();
        foreach (var field in CardSchema.Fields)
        {
            form.values[field.Path] = FieldText.Format(field, card.Get(field.Path));
        }

        form.values[Sections] = MarkdownSections.Join(card.Sections);
        form.values[Extra] = card.Extra.Count == 0 ? "" : FieldText.Format(new CardField(Extra, CardFieldKind.Json, "", ""), card.Extra);
        return form;
    }

    public static CardForm From(IFormCollection posted)
    {
        var form = new CardForm();
        foreach (var path in Paths)
        {
            form.values[path] = posted[path].ToString();
        }

        return form;
    }

    public string Value(string path) => values.GetValueOrDefault(path, "");

    public IReadOnlyList<string> Errors(string path) => errors.TryGetValue(path, out var list) ? list : [];

    public bool HasErrors => errors.Count > 0 || General.Count > 0;

    /// <summary>The card the form describes, built on <paramref name="current"/>; null when a field has a problem (see <see cref="Errors"/>).</summary>
    public ModelCard? ToCard(ModelCard current)
    {
        var result = CardEdits.Apply(current, Paths.Select(p => KeyValuePair.Create(p, Value(p))));
        foreach (var issue in result.Issues)
        {
            var owner = Owner(issue.Path);
            if (owner is null)
            {
                General.Add(issue.ToString());
                continue;
            }

            if (!errors.TryGetValue(owner, out var list))
            {
                errors[owner] = list = [];
            }

            // Problems inside a list or record name the item; the field's own problems need no prefix.
            list.Add(issue.Path == owner ? issue.Message : $"{issue.Path[owner.Length..].TrimStart('.')}: {issue.Message}");
        }

        return result.Card;
    }

    /// <summary>The form input a problem belongs to: the longest editable path the problem's path starts with.</summary>
    private static string? Owner(string path) =>
        Paths.Where(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal))
            .OrderByDescending(p => p.Length)
            .FirstOrDefault();

    public static string InputId(string path) => "f-" + path.Replace('.', '-');

    public static string ErrorId(string path) => "e-" + path.Replace('.', '-');
}
