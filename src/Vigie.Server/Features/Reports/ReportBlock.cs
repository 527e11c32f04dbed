namespace Vigie.Server.Features.Reports;

/// <summary>One piece of a report section; each renderer (HTML, Markdown, PDF) draws every kind.</summary>
public abstract record ReportBlock;

/// <summary>Prose.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>Labelled values, each with the clause that asks for it (if any) and its log entries.</summary>
public sealed record ReportFacts(IReadOnlyList<ReportFact> Facts) : ReportBlock;

/// <summary>A table; each row names the entries it comes from.</summary>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<ReportRow> Rows) : ReportBlock;

/// <summary>A bar chart, drawn only for data that exists.</summary>
public sealed record ReportChart(string Title, string Unit, IReadOnlyList<ReportBar> Bars) : ReportBlock;

/// <summary>A drawn chart (PNG) with its text alternative, for figures a bar chart cannot show (a forecast's fit and bounds).</summary>
public sealed record ReportImage(string Title, string Description, byte[] Png, IReadOnlyList<long> Entries) : ReportBlock;

/// <summary>Data the report asks for that the ledger does not hold: said plainly, never invented.</summary>
public sealed record ReportAbsent(string What, string Why) : ReportBlock;
