namespace Vigie.Core.Impact.Rights;

/// <summary>One yes/no question of the EU AI Act classification questionnaire, with the provision it comes from.</summary>
public sealed record AiActQuestion(string Id, string Section, string Text, string Article);
