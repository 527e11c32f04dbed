namespace Vigie.Server.Storage;

/// <summary>The two stores Vigie runs on: embedded SQLite (default) or a shared PostgreSQL.</summary>
public enum DbProvider
{
    Sqlite,
    Postgres,
}
