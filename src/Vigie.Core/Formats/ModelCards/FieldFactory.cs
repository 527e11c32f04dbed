namespace Vigie.Core.Formats.ModelCards;

/// <summary>Short constructors that keep the field catalogue readable.</summary>
internal static class FieldFactory
{
    public static CardField Text(string path, string label, string help, string sources = "", int maxLength = CardField.DefaultMaxLength) =>
        new(path, CardFieldKind.Text, label, help) { Sources = sources, MaxLength = maxLength };

    public static CardField Prose(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.Prose, label, help) { Sources = sources, MaxLength = CardField.ProseMaxLength };

    public static CardField Url(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.Url, label, help) { Sources = sources, MaxLength = 2000 };

    public static CardField Date(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.Date, label, help) { Sources = sources };

    public static CardField Integer(string path, string label, string help, double minimum, double maximum, string sources = "") =>
        new(path, CardFieldKind.Integer, label, help) { Sources = sources, Minimum = minimum, Maximum = maximum };

    public static CardField Number(string path, string label, string help, double minimum, double maximum, string sources = "") =>
        new(path, CardFieldKind.Number, label, help) { Sources = sources, Minimum = minimum, Maximum = maximum };

    public static CardField Boolean(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.Boolean, label, help) { Sources = sources };

    public static CardField Enum(string path, string label, string help, IReadOnlyList<string> allowed, string sources = "") =>
        new(path, CardFieldKind.Enum, label, help) { Sources = sources, Allowed = allowed };

    public static CardField Tokens(string path, string label, string help, string sources = "", int maxLength = 200) =>
        new(path, CardFieldKind.TokenList, label, help) { Sources = sources, MaxLength = maxLength };

    public static CardField Lines(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.TextList, label, help) { Sources = sources, MaxLength = 4000 };

    public static CardField Map(string path, string label, string help, string sources = "") =>
        new(path, CardFieldKind.Map, label, help) { Sources = sources, MaxLength = 2000, MaxItems = 200 };

    public static CardField Records(string path, string label, string help, IReadOnlyList<CardField> children, string sources = "") =>
        new(path, CardFieldKind.Records, label, help) { Sources = sources, Children = children };

    public static CardField Verbatim(string path, string label, string help) =>
        new(path, CardFieldKind.Json, label, help);

    public static CardField NumberOrText(string path, string label, string help) =>
        new(path, CardFieldKind.NumberOrText, label, help) { Minimum = double.MinValue, Maximum = double.MaxValue };
}
