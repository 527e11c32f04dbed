using System.Data.Common;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>The database transaction an append (or a rebuild) runs in; projections write through it.</summary>
public sealed record LedgerTransaction(DbConnection Connection, DbTransaction Transaction, DbProvider Provider);
