namespace Vigie.Interop.Tests;

/// <summary>
/// Where the real-world files are: ../shared/real-world beside the repository, passed by
/// ./test.sh as VIGIE_REAL_WORLD. The suite is run only when that folder exists.
/// </summary>
internal static class RealWorld
{
    public static string Root
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("VIGIE_REAL_WORLD");
            if (string.IsNullOrEmpty(path) || !Directory.Exists(path))
            {
                throw new InvalidOperationException(
                    "VIGIE_REAL_WORLD does not name the shared real-world folder; run this suite through ./test.sh.");
            }

            return path;
        }
    }

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string Repository
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Vigie.slnx not found above the test folder.");
        }
    }
}
