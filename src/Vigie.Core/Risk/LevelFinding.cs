namespace Vigie.Core.Risk;

/// <summary>
/// A derived level: <see cref="Level"/> is a framework level id, or null when it is unknown
/// (a threshold above what was reached has no evaluation). <see cref="AtLeast"/> is then the level
/// the evidence does show. <see cref="Reason"/> says why, in words.
/// </summary>
public sealed record LevelFinding(string? Level, string? AtLeast, string Reason)
{
    public bool IsUnknown => Level is null;
}
