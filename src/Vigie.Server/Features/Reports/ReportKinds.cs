namespace Vigie.Server.Features.Reports;

/// <summary>The documents Vigie generates, and the formats it writes them in.</summary>
public static class ReportKinds
{
    public const string Transparency = "transparency";
    public const string Sb53 = "sb53";
    public const string AnnexXi = "annex-xi";
    public const string ModelReport = "model-report";

    public static IReadOnlyList<string> All { get; } = [Transparency, Sb53, AnnexXi, ModelReport];

    public static IReadOnlyList<string> Formats { get; } = ["html", "md", "pdf"];

    /// <summary>Reports about one system (and optionally one version); the transparency report covers the organisation.</summary>
    public static bool NeedsSystem(string kind) => kind != Transparency;

    public static string ContentType(string format) => format switch
    {
        "html" => "text/html; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/pdf",
    };
}
