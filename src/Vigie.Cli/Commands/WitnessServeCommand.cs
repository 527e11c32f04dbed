using System.CommandLine;
using System.Net;
using Spectre.Console;
using Vigie.Cli.Witness;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie witness serve: a minimal C2SP tlog-witness for a regulator, an NGO or a board. It keeps
/// the latest checkpoint of each log it follows in &lt;dir&gt;/state.json, refuses any checkpoint that
/// is not consistent with it, and cosigns the others (C2SP tlog-cosignature v1).
/// </summary>
internal static class WitnessServeCommand
{
    public static Command Create(CliApp app)
    {
        var directory = WitnessCommands.DirectoryOption();
        var name = WitnessCommands.NameOption();
        var logs = new Option<string[]>("--log")
        {
            Description = "The verifier key of a log to witness (<origin>+<key id>+<base64 key>, as served at /log/key). Repeat for several logs.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on.", DefaultValueFactory = _ => "127.0.0.1:7380" };
        var command = new Command("serve", "Run a witness: cosign each log's checkpoints that are consistent with what it saw before, refuse the others.")
        {
            directory, name, logs, listen,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var folder = parse.GetValue(directory)!;
            var followed = ParseLogs(parse.GetValue(logs) ?? []);
            var prefix = Prefix(parse.GetValue(listen)!);
            var cosigner = WitnessKeyFile.LoadOrCreate(folder, parse.GetValue(name));
            using var held = HoldLock(folder);
            var state = WitnessStateFile.Load(Path.Combine(folder, "state.json"));

            using var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
            }
            catch (HttpListenerException e)
            {
                throw new CliFailure(ExitCodes.Usage, $"Cannot listen on {prefix}: {e.Message}");
            }

            if (context.Json)
            {
                context.WriteJson(new { witness = cosigner.Name, key = cosigner.Verifier.VerifierKey, url = prefix, logs = followed.Keys.Order(StringComparer.Ordinal) });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"Witness {cosigner.Name} listening on {prefix} (POST add-checkpoint)."));
                context.Console.MarkupLine(Markup.Escape($"Its cosignature key, for the log's Vigie__Witnesses__N__Key and for 'vigie verify --witness': {cosigner.Verifier.VerifierKey}"));
                context.Console.MarkupLine(Markup.Escape($"Witnessing: {string.Join(", ", followed.Keys.Order(StringComparer.Ordinal))}. State: {Path.GetFullPath(Path.Combine(folder, "state.json"))}"));
            }

            await context.Environment.Out.FlushAsync(cancellationToken);
            var host = new WitnessHost(cosigner, followed, state, context.Environment.Clock, TextWriter.Synchronized(context.Environment.Error));
            await host.RunAsync(listener, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, IReadOnlyList<NoteVerifier>> ParseLogs(string[] keys)
    {
        var result = new Dictionary<string, List<NoteVerifier>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!NoteVerifier.TryParse(key.Trim(), out var verifier, out var error))
            {
                throw new CliFailure(ExitCodes.Usage, $"--log {key}: not a log verifier key: {error}");
            }

            // A Vigie log names its key after its origin (tlog-checkpoint's recommendation).
            if (!result.TryGetValue(verifier!.Name, out var list))
            {
                result[verifier.Name] = list = [];
            }

            list.Add(verifier);
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<NoteVerifier>)kv.Value, StringComparer.Ordinal);
    }

    private static string Prefix(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen[(colon + 1)..], out var port) || port is < 1 or > 65535
            || !IPAddress.TryParse(listen[..colon].Trim('[', ']'), out _) && listen[..colon] != "localhost")
        {
            throw new CliFailure(ExitCodes.Usage, $"--listen takes ADDRESS:PORT, e.g. 127.0.0.1:7380; got '{listen}'.");
        }

        return $"http://{listen}/";
    }

    /// <summary>One witness process per state folder: two would each think they hold the latest checkpoint.</summary>
    private static FileStream HoldLock(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, "witness.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new CliFailure(ExitCodes.Failed, $"Another witness is already running on {folder}; one witness per state folder.");
        }
    }
}
