using System.CommandLine;
using System.Text.Json;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Incidents;

/// <summary>
/// The incident's fields as command options, shared by `open` and `update`: each maps to the API
/// field of the same meaning (docs/api.md "Incidents"). `--fields FILE` reads any of them from a
/// JSON object instead (long texts), the options given on the line winning.
/// </summary>
internal sealed class IncidentFieldOptions
{
    private static readonly string[] Severities = ["critical", "high", "medium", "low"];

    private readonly List<(Option<string?> Option, string Field)> _texts = [];

    public IncidentFieldOptions(bool opening)
    {
        Title = new Option<string?>("--title") { Description = "What happened, in one line.", Required = opening };
        Discovered = new Option<string?>("--discovered")
        {
            Description = "When the organisation discovered or became aware of it: YYYY-MM-DD (start of that day in the organisation's zone) or 2026-04-01T09:30:00Z.",
            Required = opening,
        };
        Category = new Option<string?>("--category")
        {
            Description = $"The most severe that fits: {string.Join(", ", IncidentNames.CategoryNames)}" + (opening ? " (default other-serious-harm)." : "."),
        };
        Category.AcceptOnlyFromAmong([.. IncidentNames.CategoryNames]);
        Severity = new Option<string?>("--severity")
        {
            Description = "critical, high, medium or low" + (opening ? " (default: critical for a death, critical infrastructure or imminent danger; low for a near miss; else high)." : "."),
        };
        Severity.AcceptOnlyFromAmong(Severities);
        Regime = new Option<string[]>("--regime")
        {
            Description = $"A regime that applies in addition to those the system's obligations imply (one or more): {string.Join(", ", IncidentNames.RegimeNames)}.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        Regime.AcceptOnlyFromAmong([.. IncidentNames.RegimeNames]);
        PeopleAffected = new Option<long?>("--people-affected") { Description = "How many people were affected, as far as known." };
        Fields = new Option<string?>("--fields") { Description = "A JSON file with any of the fields by their API names (for long texts)." };
        Text("--system", "system", "The registered system involved.");
        Text("--version", "version", "The version involved (with --system).");
        Text("--occurred", "occurredOn", "When it started (date or time).");
        Text("--ended", "endedOn", "When it ended (date or time).");
        Text("--description", "description", "A short, plain statement of what happened.");
        Text("--harm", "harm", "The harm that resulted.");
        Text("--affected", "affected", "Who was harmed or affected.");
        Text("--chain-of-events", "chainOfEvents", "The chain of events that led to it, including the model's outputs.");
        Text("--response", "response", "What was done or will be done in response.");
        Text("--recommendations", "recommendations", "What authorities are recommended to do.");
        Text("--root-cause", "rootCause", "Root cause analysis.");
        Text("--why-reportable", "whyReportable", "Why it qualifies as a reportable incident.");
    }

    public Option<string?> Title { get; }

    public Option<string?> Discovered { get; }

    public Option<string?> Category { get; }

    public Option<string?> Severity { get; }

    public Option<string[]> Regime { get; }

    public Option<long?> PeopleAffected { get; }

    public Option<string?> Fields { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Title, Discovered, Category, Severity, Regime, PeopleAffected, Fields })
        {
            command.Options.Add(option);
        }

        foreach (var (option, _) in _texts)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The fields given (the file's, then the line's), by API name; absent ones are left out.</summary>
    public Dictionary<string, object?> Read(ParseResult parse)
    {
        var fields = parse.GetValue(Fields) is { } path ? FromFile(path) : new Dictionary<string, object?>(StringComparer.Ordinal);
        void Set(string name, object? value)
        {
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        Set("title", parse.GetValue(Title));
        Set("discovered", parse.GetValue(Discovered));
        Set("category", parse.GetValue(Category));
        Set("severity", parse.GetValue(Severity));
        Set("peopleAffected", parse.GetValue(PeopleAffected));
        foreach (var (option, field) in _texts)
        {
            Set(field, parse.GetValue(option));
        }

        return fields;
    }

    private void Text(string name, string field, string description) =>
        _texts.Add((new Option<string?>(name) { Description = description + " Give \"\" to clear it in an update." }, field));

    private static Dictionary<string, object?> FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot read the fields file '{path}': {e.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliFailure(ExitCodes.Usage, $"{path} must hold a JSON object of incident fields, e.g. {{\"harm\": \"...\"}}.");
            }

            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} is not valid JSON: {e.Message}");
        }
    }
}
