using System.Text.Json;
using CsvHelper;

namespace Vigie.Core.Impact;

/// <summary>
/// The impact reference tables: accelerator power, grid carbon intensity and water factors, each
/// with its source (data/ at the repository root, shipped inside this assembly). An organisation
/// can override any table with its own file of the same name and columns in a directory it names
/// (CLI <c>--data DIR</c>, server <c>Vigie:Impact:DataDirectory</c>); the override's rows replace
/// the shipped table's whole, and values taken from it cite that file.
/// </summary>
public sealed class ReferenceData
{
    public const string AcceleratorFile = "accelerator-power.csv";
    public const string GridFile = "grid-carbon-intensity.csv";
    public const string WaterFile = "water-intensity.csv";

    /// <summary>The region used when none is given: Our World in Data's world aggregate.</summary>
    public const string World = "WORLD";

    /// <summary>Industry-average PUE, Uptime Institute Global Data Center Survey 2023 (METHODS.md).</summary>
    public const double DefaultPue = 1.58;

    public const string DefaultPueSource = "Uptime Institute Global Data Center Survey 2023: industry-average PUE 1.58";

    private static readonly Lazy<ReferenceData> ShippedData = new(() =>
        Read(null, out var error) ?? throw new InvalidDataException("The shipped impact tables are unreadable: " + error));

    private ReferenceData(IReadOnlyDictionary<string, AcceleratorSpec> accelerators, IReadOnlyList<GridIntensity> grid,
        IReadOnlyList<WaterFactors> water, IReadOnlyDictionary<string, DataSource> sources)
    {
        Accelerators = accelerators;
        Grid = grid;
        Water = water;
        Sources = sources;
    }

    /// <summary>The tables shipped with Vigie.</summary>
    public static ReferenceData Shipped => ShippedData.Value;

    public IReadOnlyDictionary<string, AcceleratorSpec> Accelerators { get; }

    public IReadOnlyList<GridIntensity> Grid { get; }

    public IReadOnlyList<WaterFactors> Water { get; }

    /// <summary>Each table's source by file name.</summary>
    public IReadOnlyDictionary<string, DataSource> Sources { get; }

    /// <summary>The shipped tables with any of them replaced by a file of the same name in <paramref name="overrideDirectory"/>; null and the reason when a file cannot be read.</summary>
    public static ReferenceData? Load(string? overrideDirectory, out string? error)
    {
        if (overrideDirectory is null)
        {
            error = null;
            return Shipped;
        }

        if (!Directory.Exists(overrideDirectory))
        {
            error = $"The impact data directory '{overrideDirectory}' does not exist.";
            return null;
        }

        return Read(overrideDirectory, out error);
    }

    public AcceleratorSpec? Accelerator(string id) =>
        Accelerators.TryGetValue(id.Trim(), out var spec) ? spec : null;

    /// <summary>
    /// The region's intensity for <paramref name="year"/>, or for the latest earlier year on record
    /// (null year: the latest year on record). Null when the region has no row at or before it.
    /// </summary>
    public GridIntensity? GridFor(string region, int? year)
    {
        var code = region.Trim().ToUpperInvariant();
        return Grid.Where(g => g.Region == code && (year is null || g.Year <= year)).MaxBy(g => g.Year);
    }

    public WaterFactors? WaterFor(string region, int? year)
    {
        var code = region.Trim().ToUpperInvariant();
        return Water.Where(w => w.Region == code && (year is null || w.Year is null || w.Year <= year)).MaxBy(w => w.Year ?? 0);
    }

    public DataSource SourceOf(string file) => Sources[file];

    private static ReferenceData? Read(string? directory, out string? error)
    {
        try
        {
            var sources = ReadSources(directory);
            var accelerators = ReadTable(directory, AcceleratorFile, csv => new AcceleratorSpec(
                    CsvInput.Text(csv, "accelerator"), CsvInput.Text(csv, "name"), CsvInput.Text(csv, "vendor"), Positive(csv, "power_w"),
                    CsvInput.Text(csv, "power_basis"), Positive(csv, "bf16_dense_tflops"), CsvInput.Text(csv, "source")))
                .ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
            var grid = ReadTable(directory, GridFile, csv => new GridIntensity(
                CsvInput.Text(csv, "region").ToUpperInvariant(), CsvInput.Integer(csv, "year"), NonNegative(csv, "gco2e_per_kwh"), CsvInput.Text(csv, "name")));
            var water = ReadTable(directory, WaterFile, csv => new WaterFactors(
                CsvInput.Text(csv, "region").ToUpperInvariant(),
                string.IsNullOrWhiteSpace(CsvInput.Text(csv, "year")) ? null : CsvInput.Integer(csv, "year"),
                OptionalNonNegative(csv, "wue_l_per_kwh"), OptionalNonNegative(csv, "ewif_l_per_kwh"), CsvInput.Text(csv, "source")));
            error = null;
            return new ReferenceData(accelerators, grid, water, sources);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or JsonException or ArgumentException or FormatException)
        {
            error = e.Message.Split('\n')[0].Trim();
            return null;
        }
    }

    private static List<T> ReadTable<T>(string? directory, string file, Func<CsvReader, T> row)
    {
        using var csv = CsvInput.Open(Open(directory, file));
        var rows = new List<T>();
        while (ReadRow(csv, file))
        {
            try
            {
                rows.Add(row(csv));
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{file}, line {csv.LineNumber}: {e.Message.Split('\n')[0].Trim()}", e);
            }
        }

        return rows;
    }

    private static bool ReadRow(CsvReader csv, string file)
    {
        try
        {
            return csv.Read();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }

    private static TextReader Open(string? directory, string file)
    {
        if (directory is not null && File.Exists(Path.Combine(directory, file)))
        {
            return new StreamReader(Path.Combine(directory, file));
        }

        var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Vigie.Core.Impact.Data." + file)
            ?? throw new InvalidDataException($"The shipped table {file} is missing from the assembly.");
        return new StreamReader(stream);
    }

    private static Dictionary<string, DataSource> ReadSources(string? directory)
    {
        using var reader = Open(null, "sources.json");
        using var json = JsonDocument.Parse(reader.ReadToEnd());
        var sources = new Dictionary<string, DataSource>(StringComparer.Ordinal);
        foreach (var p in json.RootElement.EnumerateObject())
        {
            string Text(string name) => p.Value.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
            var file = p.Name;
            var overridden = directory is not null && File.Exists(Path.Combine(directory, file));
            sources[file] = overridden
                ? new DataSource(file, Text("title"), "override file " + Path.Combine(directory!, file), "as given by its author", null, "n/a",
                    "An organisation's own table replaced the shipped one.")
                : new DataSource(file, Text("title"), Text("publisher"), Text("licence"), p.Value.TryGetProperty("url", out var u) ? u.GetString() : null,
                    Text("retrieved"), Text("notes"));
        }

        return sources;
    }

    private static double Positive(CsvReader csv, string column) =>
        CsvInput.Number(csv, column) is var v && v > 0 ? v : throw new InvalidDataException($"{column} must be a number above 0.");

    private static double NonNegative(CsvReader csv, string column) =>
        CsvInput.Number(csv, column) is var v && v >= 0 ? v : throw new InvalidDataException($"{column} must be a number ≥ 0.");

    private static double? OptionalNonNegative(CsvReader csv, string column) =>
        CsvInput.OptionalNumber(csv, column) is { } v ? (v >= 0 ? v : throw new InvalidDataException($"{column} must be a number ≥ 0.")) : null;
}
