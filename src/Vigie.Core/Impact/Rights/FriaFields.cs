namespace Vigie.Core.Impact.Rights;

/// <summary>
/// The parts of a fundamental rights impact assessment, in the order of Regulation (EU) 2024/1689
/// Art. 27(1): (a) the deployer's processes that use the system for its intended purpose; (b) the
/// period and frequency of use; (c) the categories of people and groups likely to be affected;
/// (d) the specific risks of harm to them; (e) the human oversight measures; (f) the measures if
/// those risks materialise, including internal governance and complaint mechanisms.
/// </summary>
public static class FriaFields
{
    public const int ProseMaxLength = 8000;
    public const int LineMaxLength = 300;
    public const int MaxGroups = 50;
    public const int MaxRisks = 100;

    public static IReadOnlyList<FriaField> All { get; } =
    [
        new("deployer", "Art. 27(1)", "Deployer", "Who deploys the system: the organisation, and the unit answerable for this use.", FriaFieldKind.Text, LineMaxLength),
        new("purpose", "Art. 27(1)(a)", "Intended purpose", "The system's intended purpose in this deployment, as the provider's instructions for use state it.", FriaFieldKind.Prose, ProseMaxLength),
        new("processes", "Art. 27(1)(a)", "Deployer's processes", "The deployer's processes in which the system is used, in line with its intended purpose.", FriaFieldKind.Prose, ProseMaxLength),
        new("period", "Art. 27(1)(b)", "Period and frequency of use", "The period of time within which, and the frequency with which, the system is intended to be used.", FriaFieldKind.Prose, ProseMaxLength),
        new("affectedGroups", "Art. 27(1)(c)", "Affected people and groups", "The categories of natural persons and groups likely to be affected by its use in this context, one per line.", FriaFieldKind.List, LineMaxLength),
        new("risks", "Art. 27(1)(d)", "Specific risks of harm", "The specific risks of harm likely to affect those groups, taking into account the provider's information (Art. 13).", FriaFieldKind.Risks, 2000),
        new("oversight", "Art. 27(1)(e)", "Human oversight measures", "The human oversight measures, according to the instructions for use.", FriaFieldKind.Prose, ProseMaxLength),
        new("mitigation", "Art. 27(1)(f)", "Measures if the risks materialise", "What is done when a risk materialises.", FriaFieldKind.Prose, ProseMaxLength),
        new("governance", "Art. 27(1)(f)", "Internal governance", "The internal governance arrangements: who is answerable, who decides, how often the assessment is revisited.", FriaFieldKind.Prose, ProseMaxLength),
        new("complaints", "Art. 27(1)(f)", "Complaint mechanisms", "How affected people complain, and what happens to a complaint.", FriaFieldKind.Prose, ProseMaxLength),
    ];

    public static FriaField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
