using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Config;
using Vigie.Cli.Http;

namespace Vigie.Cli;

/// <summary>
/// What one command invocation works with: the server and token it resolved, whether it prints
/// JSON, a Spectre console on the injected stdout, the config store and the HTTP API.
/// </summary>
internal sealed class CommandContext : IDisposable
{
    private readonly HttpClient http;

    public CommandContext(CliEnvironment environment, CommonOptions options, ParseResult parse)
    {
        Environment = environment;
        Json = parse.GetValue(options.Json);
        var serverText = parse.GetValue(options.Server) ?? environment.GetVariable("VIGIE_SERVER");
        Server = ServerAddress.Parse(serverText is { Length: > 0 } ? serverText : ServerAddress.Default);
        var token = parse.GetValue(options.Token) ?? environment.GetVariable("VIGIE_TOKEN");
        Token = token is { Length: > 0 } ? token.Trim() : null;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = environment.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = environment.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(environment.Out),
        });
        if (!environment.IsTerminal)
        {
            // Piped or captured output is read by scripts: never wrap lines at an imagined 80 columns.
            Console.Profile.Width = 4096;
        }

        Config = new ConfigStore(environment.ResolveConfigPath());

        // One client for the whole run: tiles are fetched over a few kept-alive connections.
        http = environment.Handler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All });
        http.Timeout = TimeSpan.FromSeconds(60);
        Api = new VigieApi(http, Server, Token);
        AnonymousApi = new VigieApi(http, Server, null);
    }

    public CliEnvironment Environment { get; }

    public bool Json { get; }

    public ServerAddress Server { get; }

    public string? Token { get; }

    public IAnsiConsole Console { get; }

    public ConfigStore Config { get; }

    public VigieApi Api { get; }

    /// <summary>The API without any token, for the concern channel's reporter: nothing sent says who is asking.</summary>
    public VigieApi AnonymousApi { get; }

    /// <summary>Progress bars only for a person watching a terminal; never into JSON or a pipe.</summary>
    public bool ShowProgress => Environment.IsTerminal && !Json;

    /// <summary>Commands that change things need a token; say so before contacting the server.</summary>
    public void RequireToken()
    {
        if (Token is null)
        {
            throw new CliFailure(ExitCodes.Unreachable,
                "This command needs an API token: pass --token or set VIGIE_TOKEN (an admin issues one with 'vigie users token NAME').");
        }
    }

    public void WriteJson(object value) => Environment.Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Output));

    /// <summary>A note for the person (trust on first use, pins): stderr, so stdout stays parseable.</summary>
    public void Notice(string message) => Environment.Error.WriteLine(message);

    public void Dispose() => http.Dispose();
}
