using Vigie.Core.Policies;

namespace Vigie.Core.Tests.Policies;

/// <summary>The shipped policies under presets/policies, read from the repository.</summary>
internal static class PolicyPresets
{
    public const string Preparedness = "preparedness-style.yaml";
    public const string Rsp = "rsp-style.yaml";
    public const string Regulatory = "regulatory-baseline.yaml";

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).OfType<string>().Order();

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
                {
                    return Path.Combine(dir.FullName, "presets", "policies");
                }
            }

            throw new DirectoryNotFoundException("The repository root (with Vigie.slnx) is not above the test binaries.");
        }
    }

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static Policy Load(string file) => PolicyFixtures.Load(Text(file));
}
