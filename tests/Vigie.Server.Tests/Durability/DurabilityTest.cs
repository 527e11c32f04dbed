using Vigie.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// Base of the durability suites: a fresh store (SQLite directory or PostgreSQL database) and
/// real server processes on it, every one of which is killed when the test ends, pass or fail.
/// </summary>
public abstract class DurabilityTest : IAsyncLifetime
{
    private readonly List<ServerProcess> _servers = [];

    protected abstract bool UsePostgres { get; }

    protected TestStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = await TestStore.CreateAsync(UsePostgres);
    }

    public async ValueTask DisposeAsync()
    {
        List<ServerProcess> servers;
        lock (_servers)
        {
            servers = [.. _servers];
            _servers.Clear();
        }

        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts vigie-server on this test's store (every process shares the data directory, hence the signer key).</summary>
    protected async Task<ServerProcess> StartServerAsync(string name)
    {
        var server = await ServerProcess.StartAsync(name, Store.DataDirectory, Store.Postgres);
        lock (_servers)
        {
            _servers.Add(server);
        }

        return server;
    }

    /// <summary>Runs the test body; a failure carries the output of every server process the test started.</summary>
    protected async Task WithServerOutputAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception ex) when (ex is XunitException or InvalidOperationException or TimeoutException or HttpRequestException)
        {
            List<ServerProcess> servers;
            lock (_servers)
            {
                servers = [.. _servers];
            }

            throw new XunitException(ex.Message + "\n\n" + string.Join("\n", servers.Select(s => s.OutputText)), ex);
        }
    }
}
