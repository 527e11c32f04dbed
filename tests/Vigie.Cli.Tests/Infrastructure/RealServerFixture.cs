using Xunit;

namespace Vigie.Cli.Tests.Infrastructure;

/// <summary>One real server per test class; every test still has its own CLI config file.</summary>
public sealed class RealServerFixture : IAsyncLifetime
{
    public RealServer Server { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Server = new RealServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
