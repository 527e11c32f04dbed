namespace Vigie.Core.Impact.Rights;

/// <summary>What a FRIA field holds.</summary>
public enum FriaFieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Paragraphs (Markdown).</summary>
    Prose,

    /// <summary>A list of short lines.</summary>
    List,

    /// <summary>The risks of harm: a list of <see cref="FriaRisk"/>.</summary>
    Risks,
}
