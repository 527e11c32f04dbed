using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>The shipped charters under presets/charters, read from the repository.</summary>
internal static class Presets
{
    public const string Preparedness = "preparedness-style.yaml";
    public const string Rsp = "rsp-style.yaml";

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
                {
                    return Path.Combine(dir.FullName, "presets", "charters");
                }
            }

            throw new DirectoryNotFoundException("The repository root (with Vigie.slnx) is not above the test binaries.");
        }
    }

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static Charter Load(string file)
    {
        var load = CharterReader.Read(Text(file));
        Assert.True(load.Succeeded, load.ErrorText);
        return load.Charter!;
    }
}
