using Vigie.Cli;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// Runs the real <c>vigie concerns verify FILE --log-key KEY --json</c> in-process, with a config
/// of its own and no server: what a regulator would run on the file a reporter downloaded.
/// </summary>
public static class OfflineConcernCheck
{
    public static async Task<(int Exit, string Output, string Error)> VerifyAsync(string file, string logKey)
    {
        var config = Directory.CreateTempSubdirectory("vigie-browser-offline-").FullName;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var environment = new CliEnvironment(output, error, name => name == "VIGIE_CONFIG" ? Path.Combine(config, "config.json") : null);
            var exit = await CliApp.RunAsync(["concerns", "verify", file, "--log-key", logKey, "--json"], environment);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}
