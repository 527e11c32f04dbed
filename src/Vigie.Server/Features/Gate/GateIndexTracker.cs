namespace Vigie.Server.Features.Gate;

/// <summary>
/// Knows which recent log indexes are gate evaluations (gate.checked/v1), so a dossier assembled
/// at tree size S can be reused at tree size T exactly when every entry in [S, T) is one: a gate
/// evaluation changes nothing a dossier reads. The gate-check projection records each index
/// inside the append transaction, before the entry is committed and joins the tree, in index
/// order; any index skipped between two recorded ones was some other entry. Anything unseen —
/// entries before this process started, another process's entries — counts as a change.
/// </summary>
public sealed class GateIndexTracker
{
    private readonly Lock _lock = new();
    private long _highest = -1;
    private long _lastOther = long.MaxValue; // nothing recorded yet: every index is "unknown"

    public void Record(long index)
    {
        lock (_lock)
        {
            if (index <= _highest)
            {
                // A replay (rebuild-projections) starts again from the beginning: forget what was known.
                _lastOther = index - 1;
            }
            else if (index != _highest + 1 || _lastOther == long.MaxValue)
            {
                _lastOther = index - 1;
            }

            _highest = index;
        }
    }

    /// <summary>Whether every index in [<paramref name="from"/>, <paramref name="to"/>) is a gate evaluation this process recorded.</summary>
    public bool OnlyGateEntries(long from, long to)
    {
        if (to <= from)
        {
            return to == from;
        }

        lock (_lock)
        {
            return _lastOther < from && _highest >= to - 1;
        }
    }
}
