using System.Text.Json;
using Vigie.Core.Ledger;

namespace Vigie.Server.Ledger;

/// <summary>What a feature asks the ledger to record. The ledger adds index and time.</summary>
public sealed record LedgerWrite(string Kind, string? Actor, Visibility Visibility, JsonElement Body);
