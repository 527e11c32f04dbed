using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Verification;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie evidence check FILE: was this exact file recorded, and can the log prove it? Trusts the
/// server for nothing: the entry, its commitment and its inclusion in a checkpoint signed by the
/// pinned key are all checked here.
/// </summary>
internal static class EvidenceCheckCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The file to check; it is hashed locally." };
        var command = new Command("check",
            "Check that a file's SHA-256 was recorded, verifying the entry and its inclusion proof against a checkpoint signed by the pinned key.")
        {
            file,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (sha256, _) = await FileDigest.ComputeAsync(parse.GetValue(file)!, cancellationToken);
            var records = (await context.Api.GetJsonAsync($"api/v1/evidence?sha256={sha256}", cancellationToken)).EnumerateArray().ToList();
            if (records.Count == 0)
            {
                var hint = context.Token is null ? " (internal evidence is visible only with a token: pass --token or set VIGIE_TOKEN)" : "";
                if (context.Json)
                {
                    context.WriteJson(new { sha256, recorded = false, verified = false, records = Array.Empty<object>() });
                }

                await context.Environment.Error.WriteLineAsync($"{sha256} was never recorded in the log at {context.Server}{hint}.");
                return ExitCodes.Failed;
            }

            var highest = records.Max(r => r.GetProperty("index").GetInt64());
            var checkpoint = await PinnedCheckpoint.FetchAsync(context, highest + 1, cancellationToken);
            var results = new List<EvidenceProof>();
            foreach (var record in records)
            {
                results.Add(await EvidenceProof.CheckAsync(context, record, sha256, checkpoint, cancellationToken));
            }

            var allVerified = results.All(r => r.Problem is null);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    sha256,
                    recorded = true,
                    verified = allVerified,
                    checkpoint = new { origin = checkpoint.Checkpoint.Origin, size = checkpoint.Checkpoint.Size, rootHash = checkpoint.RootBase64 },
                    records = results.Select(r => new { r.Id, r.Index, r.Time, r.Actor, r.Visibility, verified = r.Problem is null, problem = r.Problem }),
                });
            }

            foreach (var result in results)
            {
                if (result.Problem is null)
                {
                    if (!context.Json)
                    {
                        context.Console.MarkupLine(Markup.Escape(
                            $"{sha256} recorded at {result.Time} by {result.Actor} as entry {result.Index}; inclusion proof verified against checkpoint {checkpoint.Checkpoint.Size}."));
                    }
                }
                else
                {
                    await context.Environment.Error.WriteLineAsync($"Entry {result.Index} ({result.Id}) failed verification: {result.Problem}");
                }
            }

            return allVerified ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
