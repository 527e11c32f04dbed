namespace Vigie.Core.Formats.ModelCards;

/// <summary>What a model-card field holds, which decides how it is validated, edited and shown.</summary>
public enum CardFieldKind
{
    /// <summary>One line of text (a name, an identifier).</summary>
    Text,

    /// <summary>Free text that may span lines (Markdown is kept as written).</summary>
    Prose,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A calendar date, yyyy-MM-dd.</summary>
    Date,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number (JSON number, finite).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of a fixed set of strings.</summary>
    Enum,

    /// <summary>A list of short items (identifiers, tags): edited comma- or line-separated.</summary>
    TokenList,

    /// <summary>A list of sentences or paragraphs: edited one per line.</summary>
    TextList,

    /// <summary>An object of string keys to string values (hyperparameters, thresholds).</summary>
    Map,

    /// <summary>A list of objects whose fields are the field's children.</summary>
    Records,

    /// <summary>A metric value: a number or a string, as Hugging Face model-index allows.</summary>
    NumberOrText,

    /// <summary>Any JSON kept verbatim (unknown keys from imported files).</summary>
    Json,
}
