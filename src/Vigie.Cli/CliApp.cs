using System.CommandLine;
using System.CommandLine.Invocation;
using Vigie.Cli.Commands;

namespace Vigie.Cli;

/// <summary>
/// Builds the `vigie` root command over an injected <see cref="CliEnvironment"/> and runs it.
/// This is the one place where failures become exit codes and one line on stderr.
/// </summary>
internal sealed class CliApp
{
    private readonly CliEnvironment environment;
    private readonly CommonOptions options = new();

    private CliApp(CliEnvironment environment) => this.environment = environment;

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var app = new CliApp(environment);
        var root = app.BuildRoot();
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync(error.Message);
            }

            await environment.Error.WriteLineAsync("Run 'vigie --help' (or 'vigie COMMAND --help') to see the usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }

    public RootCommand BuildRoot()
    {
        var root = new RootCommand(
            """
            vigie: work with a Vigie governance server and verify its transparency log.

            Every governance change is an entry in an append-only Merkle log (RFC 9162) whose
            checkpoints the server signs. 'vigie verify' checks the whole log against the signed
            checkpoint and against the last checkpoint it saw, with a key pinned on first use.

            Exit codes: 0 ok; 1 check failed or denied; 2 usage; 3 server unreachable or token refused.
            Environment: VIGIE_SERVER, VIGIE_TOKEN, VIGIE_CONFIG (pinned keys and checkpoints).
            """);
        options.AddTo(root);

        var users = new Command("users", "Manage users and their API tokens (admin).");
        users.Subcommands.Add(UsersAddCommand.Create(this));
        users.Subcommands.Add(UsersListCommand.Create(this));
        users.Subcommands.Add(UsersTokenCommand.Create(this));
        root.Subcommands.Add(users);

        var evidence = new Command("evidence", "Record a file's SHA-256 in the log, or check that a file was recorded.");
        evidence.Subcommands.Add(EvidenceAddCommand.Create(this));
        evidence.Subcommands.Add(EvidenceCheckCommand.Create(this));
        root.Subcommands.Add(evidence);

        var systems = new Command("systems", "Register and list AI systems.");
        systems.Subcommands.Add(SystemsAddCommand.Create(this));
        systems.Subcommands.Add(SystemsListCommand.Create(this));
        systems.Subcommands.Add(SystemsShowCommand.Create(this));
        root.Subcommands.Add(systems);

        var versions = new Command("versions", "Register and list versions of a system (models, checkpoints, fine-tunes).");
        versions.Subcommands.Add(VersionsAddCommand.Create(this));
        versions.Subcommands.Add(VersionsListCommand.Create(this));
        versions.Subcommands.Add(VersionsShowCommand.Create(this));
        versions.Subcommands.Add(VersionsStatusCommand.Create(this));
        root.Subcommands.Add(versions);

        var aliases = new Command("aliases", "Move a system's aliases (deployments, each needing an approved decision) and list their history.");
        aliases.Subcommands.Add(AliasesSetCommand.Create(this));
        aliases.Subcommands.Add(AliasesListCommand.Create(this));
        root.Subcommands.Add(aliases);

        var runs = new Command("runs", "Record training runs of a version, with their compute.");
        runs.Subcommands.Add(RunsAddCommand.Create(this));
        root.Subcommands.Add(runs);

        var decisions = new Command("decisions", "Open decisions, sign them, dissent, and read who decided what on which evidence.");
        decisions.Subcommands.Add(DecisionsOpenCommand.Create(this));
        decisions.Subcommands.Add(DecisionsSignCommand.Create(this));
        decisions.Subcommands.Add(DecisionsDissentCommand.Create(this));
        decisions.Subcommands.Add(DecisionsShowCommand.Create(this));
        decisions.Subcommands.Add(DecisionsListCommand.Create(this));
        decisions.Subcommands.Add(DecisionsRulingCommand.Recuse(this));
        decisions.Subcommands.Add(DecisionsRulingCommand.Veto(this));
        decisions.Subcommands.Add(DecisionsRulingCommand.Reverse(this));
        root.Subcommands.Add(decisions);

        var charters = new Command("charters", "The governance charter: how each type of decision is taken.");
        charters.Subcommands.Add(ChartersAdoptCommand.Create(this));
        charters.Subcommands.Add(ChartersShowCommand.Create(this));
        root.Subcommands.Add(charters);
        var card = new Command("card", "Model cards of versions: import, check against a profile, edit, show, export.");
        card.Subcommands.Add(CardImportCommand.Create(this));
        card.Subcommands.Add(CardCheckCommand.Create(this));
        card.Subcommands.Add(CardEditCommand.Create(this));
        card.Subcommands.Add(CardShowCommand.Create(this));
        card.Subcommands.Add(CardExportCommand.Create(this));
        root.Subcommands.Add(card);

        var log = new Command("log", "Read the transparency log: its signed checkpoint and single entries.");
        log.Subcommands.Add(LogCheckpointCommand.Create(this));
        log.Subcommands.Add(LogEntryCommand.Create(this));
        log.Subcommands.Add(LogPublishCommand.Publish(this));
        log.Subcommands.Add(LogPublishCommand.Reason(this));
        root.Subcommands.Add(log);

        var keys = new Command("keys", "Make a concern recipient's key pair.");
        keys.Subcommands.Add(KeysGenerateCommand.Create(this));
        root.Subcommands.Add(keys);

        var concerns = new Command("concerns", "Raise a concern anonymously and follow it up; read and handle concerns routed to you.");
        concerns.Subcommands.Add(ConcernsSubmitCommand.Create(this));
        concerns.Subcommands.Add(ConcernsStatusCommand.Create(this));
        concerns.Subcommands.Add(ConcernsAnswerCommand.Create(this));
        concerns.Subcommands.Add(ConcernsVerifyCommand.Create(this));
        concerns.Subcommands.Add(ConcernsReadCommand.Create(this));
        concerns.Subcommands.Add(ConcernsAckCommand.Create(this));
        concerns.Subcommands.Add(ConcernsReplyCommand.Create(this));
        concerns.Subcommands.Add(ConcernsCloseCommand.Create(this));
        concerns.Subcommands.Add(ConcernsRoutingCommand.Create(this));
        concerns.Subcommands.Add(ConcernsStatsCommand.Create(this));
        root.Subcommands.Add(concerns);
        IncidentsCommands.AddTo(root, this);

        RiskCommands.AddTo(root, this);
        root.Subcommands.Add(LogVerifyCommand.Create(this));
        WitnessCommands.AddTo(root, this);
        root.Subcommands.Add(ReportCommand.Create(this));
        GateCommands.AddTo(root, this);
        ImpactCommands.AddTo(root, this);
        return root;
    }

    /// <summary>Wraps a command body: builds its context, turns failures into exit codes.</summary>
    public void SetAction(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var context = new CommandContext(environment, options, parse);
                return await body(context, parse, cancellationToken);
            }
            catch (CliFailure failure)
            {
                await environment.Error.WriteLineAsync(failure.Message);
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await environment.Error.WriteLineAsync("Interrupted.");
                return 130;
            }
            catch (Exception e)
            {
                // A bug in the CLI: still one line, with the type so it can be reported.
                await environment.Error.WriteLineAsync($"vigie failed unexpectedly ({e.GetType().Name}): {e.Message}");
                return ExitCodes.Failed;
            }
        });
}
