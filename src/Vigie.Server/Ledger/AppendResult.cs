namespace Vigie.Server.Ledger;

/// <summary>
/// The outcome of an append: the entry's index once it is durable, or the conflict a projection
/// reported (for example a user name already taken), in which case nothing was written.
/// </summary>
public sealed record AppendResult(long Index, DateTimeOffset Time, string? Conflict)
{
    public bool Succeeded => Conflict is null;

    public static AppendResult Rejected(string conflict) => new(-1, default, conflict);
}
