using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;

namespace Vigie.Server.Tests.Witnesses;

/// <summary>
/// A witness on a real loopback socket for the server suite: Core's <see cref="WitnessCheck"/> and
/// <see cref="Cosigner"/> behind a minimal HTTP host, holding its state in memory. It records
/// every request's status, so tests can see the 409 round trips.
/// </summary>
public sealed class TestWitness : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly Dictionary<string, WitnessedLog> state = [];
    private readonly Dictionary<string, IReadOnlyList<NoteVerifier>> logs;

    public TestWitness(string name, params NoteVerifier[] logKeys)
    {
        Cosigner = Cosigner.Generate(name);
        logs = logKeys.GroupBy(k => k.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<NoteVerifier>)g.ToList());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/add-checkpoint", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            if (!AddCheckpointRequest.TryParse(body, out var request, out var error))
            {
                Statuses.Add(400);
                return Results.Text(error, statusCode: 400);
            }

            WitnessVerdict verdict;
            string? line = null;
            lock (gate)
            {
                verdict = WitnessCheck.Evaluate(request!, logs, o => state.GetValueOrDefault(o));
                if (verdict.Accepted is { } accepted)
                {
                    state[accepted.Origin] = accepted;
                    line = Cosigner.Cosign(verdict.Text!, DateTimeOffset.UtcNow).ToLine();
                }

                Statuses.Add(verdict.HttpStatus);
            }

            return line is not null ? Results.Text(line)
                : verdict.Outcome == WitnessOutcome.Conflict
                    ? Results.Text(verdict.KnownSize!.Value.ToString(CultureInfo.InvariantCulture) + "\n", "text/x.tlog.size", statusCode: 409)
                    : Results.Text(verdict.Message, statusCode: verdict.HttpStatus);
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public Cosigner Cosigner { get; }

    public string Url { get; }

    public string Key => Cosigner.Verifier.VerifierKey;

    public System.Collections.Concurrent.ConcurrentBag<int> Statuses { get; } = [];

    public long? HeldSize(string origin)
    {
        lock (gate)
        {
            return state.GetValueOrDefault(origin)?.Size;
        }
    }

    /// <summary>Forgets a log (as a witness that lost its state would), so the log must start over from 0.</summary>
    public void Forget(string origin)
    {
        lock (gate)
        {
            state.Remove(origin);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
