using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigie.Cli.Tests.Infrastructure;

/// <summary>
/// A minimal C2SP tlog-tiles server on 127.0.0.1: serves whatever bytes <see cref="Files"/> holds
/// for a path ("log/checkpoint", "log/tile/0/000", ...), 404 otherwise. Tests swap the files to
/// serve tampered, rolled-back or forked logs.
/// </summary>
public sealed class FakeTlogServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeTlogServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public volatile IReadOnlyDictionary<string, byte[]> Files = new Dictionary<string, byte[]>();

    public static async Task<FakeTlogServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeTlogServer? server = null;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value?.TrimStart('/') ?? "";
            if (server!.Files.TryGetValue(path, out var bytes))
            {
                context.Response.ContentType = path.EndsWith("checkpoint", StringComparison.Ordinal) || path.EndsWith("key", StringComparison.Ordinal)
                    ? "text/plain; charset=utf-8"
                    : "application/octet-stream";
                await context.Response.Body.WriteAsync(bytes);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeTlogServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
