namespace Vigie.Core.Impact.Rights;

/// <summary>One part of a fundamental rights impact assessment: its JSON name, the point of Art. 27(1) it answers, a label and what to write.</summary>
public sealed record FriaField(string Name, string Point, string Label, string Help, FriaFieldKind Kind, int MaxLength);
