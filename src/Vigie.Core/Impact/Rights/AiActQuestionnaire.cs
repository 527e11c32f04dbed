namespace Vigie.Core.Impact.Rights;

/// <summary>
/// The questions that place a system under Regulation (EU) 2024/1689 (REGULATIONS.md): scope,
/// prohibited practices (Art. 5), high-risk through Annex I products (Art. 6(1)) or Annex III
/// areas (Art. 6(2)) with the Art. 6(3) exemption, transparency duties (Art. 50) and
/// general-purpose models (Art. 51-55). Every answer is yes or no; an unanswered question is no.
/// </summary>
public static class AiActQuestionnaire
{
    public const string Scope = "scope";
    public const string Prohibited = "prohibited";
    public const string HighRisk = "high-risk";
    public const string Exemption = "exemption";
    public const string Transparency = "transparency";
    public const string GeneralPurpose = "general-purpose";

    public static IReadOnlyList<AiActQuestion> Questions { get; } =
    [
        new("eu-market", Scope, "Is the system placed on the EU market, put into service in the EU, or is its output used in the EU?", "Art. 2(1)"),

        new("manipulation", Prohibited, "Does it use subliminal, manipulative or deceptive techniques that materially distort people's behaviour and cause significant harm?", "Art. 5(1)(a)"),
        new("exploits-vulnerabilities", Prohibited, "Does it exploit vulnerabilities due to age, disability or a social or economic situation to distort behaviour harmfully?", "Art. 5(1)(b)"),
        new("social-scoring", Prohibited, "Does it evaluate or classify people by social behaviour or personal characteristics leading to detrimental treatment (social scoring)?", "Art. 5(1)(c)"),
        new("crime-prediction", Prohibited, "Does it predict the risk that a person commits a crime based solely on profiling or personality traits?", "Art. 5(1)(d)"),
        new("facial-scraping", Prohibited, "Does it build or expand facial recognition databases by untargeted scraping of images from the internet or CCTV?", "Art. 5(1)(e)"),
        new("emotion-workplace", Prohibited, "Does it infer emotions of people at the workplace or in education (other than for medical or safety reasons)?", "Art. 5(1)(f)"),
        new("biometric-sensitive", Prohibited, "Does it categorise people by biometric data to infer race, political opinions, union membership, religion, sex life or sexual orientation?", "Art. 5(1)(g)"),
        new("realtime-biometric-police", Prohibited, "Is it used for real-time remote biometric identification in publicly accessible spaces for law enforcement (outside the narrow exceptions)?", "Art. 5(1)(h)"),

        new("annex-i", HighRisk, "Is it a safety component of a product (or itself a product) covered by Annex I legislation that needs a third-party conformity assessment?", "Art. 6(1), Annex I"),
        new("biometrics", HighRisk, "Annex III area 1: remote biometric identification, biometric categorisation or emotion recognition?", "Art. 6(2), Annex III point 1"),
        new("critical-infrastructure", HighRisk, "Annex III area 2: safety component in critical digital infrastructure, road traffic, or water, gas, heating or electricity supply?", "Art. 6(2), Annex III point 2"),
        new("education", HighRisk, "Annex III area 3: access to or admission in education, evaluating learning outcomes, or monitoring students in tests?", "Art. 6(2), Annex III point 3"),
        new("employment", HighRisk, "Annex III area 4: recruitment, selection, promotion, termination, task allocation or monitoring of workers?", "Art. 6(2), Annex III point 4"),
        new("essential-services", HighRisk, "Annex III area 5: access to essential public or private services — public benefits, credit scoring, life or health insurance pricing, emergency dispatch?", "Art. 6(2), Annex III point 5"),
        new("law-enforcement", HighRisk, "Annex III area 6: law enforcement uses (risk of victimisation, polygraphs, evidence reliability, offending risk, profiling)?", "Art. 6(2), Annex III point 6"),
        new("migration", HighRisk, "Annex III area 7: migration, asylum and border control?", "Art. 6(2), Annex III point 7"),
        new("justice-democracy", HighRisk, "Annex III area 8: administration of justice or influencing elections and referendums?", "Art. 6(2), Annex III point 8"),

        new("narrow-task", Exemption, "Does it only perform a narrow procedural task, improve the result of a completed human activity, detect patterns with human review, or perform a preparatory task (and so not pose a significant risk)?", "Art. 6(3)"),
        new("profiling", Exemption, "Does it perform profiling of natural persons?", "Art. 6(3), last subparagraph"),

        new("interacts-with-people", Transparency, "Does it interact directly with people (a chatbot, an assistant)?", "Art. 50(1)"),
        new("synthetic-content", Transparency, "Does it generate synthetic audio, image, video or text content?", "Art. 50(2)"),
        new("emotion-or-biometric-categorisation", Transparency, "Is it an emotion recognition or biometric categorisation system (where permitted)?", "Art. 50(3)"),
        new("deep-fakes", Transparency, "Does it generate or manipulate deep fakes, or text published to inform the public on matters of public interest?", "Art. 50(4)"),

        new("general-purpose", GeneralPurpose, "Is it (or does it include) a general-purpose AI model: one that displays significant generality and can perform a wide range of distinct tasks?", "Art. 3(63), Art. 53"),
        new("systemic-risk-designated", GeneralPurpose, "Has the Commission designated the model as having systemic risk (Art. 51(1)(b)), whatever its compute?", "Art. 51(1)(b)"),
    ];

    public static AiActQuestion? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public static IEnumerable<AiActQuestion> InSection(string section) => Questions.Where(q => q.Section == section);
}
