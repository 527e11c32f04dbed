namespace Vigie.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real `vigie` root command in-process with captured output and its own environment:
/// a private config file (VIGIE_CONFIG) per runner, so pins and checkpoints never leak between tests.
/// </summary>
public sealed class CliRunner : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigie-cli-test-").FullName;

    public CliRunner(string? server = null, string? token = null)
    {
        Server = server;
        Token = token;
    }

    public string? Server { get; set; }

    public string? Token { get; set; }

    public string ConfigPath => Path.Combine(directory, "config.json");

    /// <summary>More environment variables for the command (e.g. VIGIE_KEY_PASSPHRASE).</summary>
    public Dictionary<string, string?> Variables { get; } = [];

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Registers a system with a unique name from <paramref name="prefix"/> and its version 1.0 (the start of most server scenarios); returns the name.</summary>
    public async Task<string> AddSystemAsync(string prefix, string purpose)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var args in new[] { new[] { "systems", "add", name, "--purpose", purpose }, ["versions", "add", name, "1.0"] })
        {
            var result = await RunAsync(args);
            Xunit.Assert.True(result.ExitCode == 0, result.ToString());
        }

        return name;
    }

    /// <summary>Runs a long-lived command (vigie witness serve) until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = new Dictionary<string, string?>
        {
            ["VIGIE_CONFIG"] = ConfigPath,
            ["VIGIE_SERVER"] = Server,
            ["VIGIE_TOKEN"] = Token,
            ["HOME"] = directory,
        };
        foreach (var (name, value) in Variables)
        {
            variables[name] = value;
        }

        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name));
        var code = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A file in this runner's temp folder with the given content.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp folders
        }
    }
}
