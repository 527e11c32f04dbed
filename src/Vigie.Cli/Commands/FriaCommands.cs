using System.CommandLine;
using System.Text.Json;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>The `vigie fria` group: fundamental rights impact assessments per deployment (EU AI Act Art. 27), their review and export.</summary>
internal static class FriaCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var fria = new Command("fria", "Fundamental rights impact assessments (EU AI Act Art. 27), one per deployment: write, review under the charter, export.");
        fria.Subcommands.Add(FriaTemplateCommand.Create(app));
        fria.Subcommands.Add(FriaSaveCommand.Create(app));
        fria.Subcommands.Add(FriaShowCommand.Create(app));
        fria.Subcommands.Add(FriaSubmitCommand.Create(app));
        fria.Subcommands.Add(FriaExportCommand.Create(app));
        root.Subcommands.Add(fria);
    }

    public static Argument<string> System() => new("SYSTEM") { Description = "The registered system." };

    public static Argument<string> Deployment() => new("DEPLOYMENT") { Description = "The deployment the assessment is about, e.g. lending-fr (lower-case letters, digits, '-', '_', '.')." };

    public static Option<long?> Revision() => new("--revision") { Description = "An earlier revision (default: the latest)." };

    public static string Path(string system, string? deployment = null) =>
        RegistryOptions.Path(system) + "/frias" + (deployment is null ? "" : "/" + Uri.EscapeDataString(deployment));

    /// <summary>The latest revision of a deployment's FRIA the caller sees (0 when there is none yet).</summary>
    public static async Task<long> HeadAsync(CommandContext context, string system, string deployment, CancellationToken cancellationToken)
    {
        var list = await context.Api.GetJsonAsync(Path(system), cancellationToken);
        return list.EnumerateArray().FirstOrDefault(f => f.Text("deployment") == deployment) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("revision").GetInt64()
            : 0;
    }
}
