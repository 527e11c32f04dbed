using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Vigie.Server.Tests.Infrastructure;

/// <summary>The real Vigie server in-process on a given store, with its admin token at hand.</summary>
public sealed class VigieFactory(TestStore store, TimeProvider? time = null, string origin = "test.vigie.example/log", Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public TestStore Store => store;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Vigie:DataDirectory", store.DataDirectory);
        builder.UseSetting("Vigie:Log:Origin", origin);
        builder.UseSetting("Vigie:Log:CheckpointDelayMilliseconds", "20");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Vigie:PrintInitialAdminToken", "false");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        if (store.Postgres is not null)
        {
            builder.UseSetting("Vigie:Storage:Postgres", store.Postgres);
        }

        if (time is not null)
        {
            builder.ConfigureServices(s => s.AddSingleton(time));
        }

        configure?.Invoke(builder);
    }

    /// <summary>The token printed on first start (also in &lt;data&gt;/initial-admin-token).</summary>
    public string AdminToken => File.ReadAllText(Path.Combine(store.DataDirectory, "initial-admin-token")).Trim();

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Admin() => CreateClient(AdminToken);

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
