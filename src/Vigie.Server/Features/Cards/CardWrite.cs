using Vigie.Core.Formats.ModelCards;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// A new revision someone asks for: the whole card as it should be, the revision they edited
/// (0 for a version without a card), whether the change is material, a note, and optionally a
/// visibility (default: the version's) and the file it was imported from.
/// </summary>
public sealed record CardWrite(
    string System,
    string Version,
    ModelCard Card,
    long BaseRevision,
    bool Material,
    string? Note,
    string? Visibility = null,
    CardEntries.SourceFile? Source = null);
