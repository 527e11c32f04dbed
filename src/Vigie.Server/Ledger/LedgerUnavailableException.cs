namespace Vigie.Server.Ledger;

/// <summary>The store failed while committing; the request is answered 503 and nothing was written.</summary>
public sealed class LedgerUnavailableException(string message, Exception inner) : Exception(message, inner);
