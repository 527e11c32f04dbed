using System.Text.Json;
using Vigie.Core.Ledger;

namespace Vigie.Server.Ledger;

/// <summary>What a feature asks the ledger to record. The ledger adds index and time.</summary>
public sealed record LedgerWrite(string Kind, string? Actor, Visibility Visibility, JsonElement Body)
{
    /// <summary>
    /// Record only the day (midnight UTC) as the entry's time, not the instant. The concern
    /// channel needs it: an exact time in a public entry can point at whoever was at a keyboard
    /// then (issue 7: "no exact timestamps in anything public").
    /// </summary>
    public bool DayPrecisionTime { get; init; }
}
