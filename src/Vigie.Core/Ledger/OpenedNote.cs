namespace Vigie.Core.Ledger;

/// <summary>A signed note whose text was verified by at least one known key. <see cref="Unverified"/>
/// lists signatures by keys the caller did not know (e.g. witnesses), kept but not trusted.</summary>
public sealed record OpenedNote(string Text, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);
