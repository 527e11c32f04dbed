using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>vigie gate dossier --system S --version V --action A: the release dossier the gate would read now.</summary>
internal static class GateDossierCommand
{
    public static Command Create(CliApp app)
    {
        var options = new GateOptions();
        var command = new Command("dossier", "Print the release dossier the gate would evaluate now (JSON; fields in docs/dossier.md), to write or debug rules.");
        options.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = "api/v1/gate/dossier?system=" + Uri.EscapeDataString(parse.GetValue(options.System)!) +
                       "&version=" + Uri.EscapeDataString(parse.GetValue(options.Version)!) +
                       "&action=" + Uri.EscapeDataString(parse.GetValue(options.Action)!);
            var dossier = await context.Api.GetJsonAsync(path, cancellationToken);
            context.WriteJson(dossier);
            return ExitCodes.Ok;
        });
        return command;
    }
}
