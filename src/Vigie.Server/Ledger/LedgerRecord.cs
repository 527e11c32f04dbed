using System.Text.Json;
using Vigie.Core.Ledger;

namespace Vigie.Server.Ledger;

/// <summary>
/// One entry of the log as projections see it: the envelope, and its body — the public body,
/// or the revealed sealed body for non-public entries (null once a sealed body was erased).
/// </summary>
public sealed record LedgerRecord(long Index, Envelope Envelope, JsonElement? Body);
