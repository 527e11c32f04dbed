using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Vigie.Server.Tests.Interop;

/// <summary>
/// Builds and runs tests/go-tlog-client: a C2SP tlog client made of Go's own transparency-log
/// code (golang.org/x/mod/sumdb/note and sumdb/tlog, from the Debian packages golang-go and
/// golang-golang-x-mod-dev). It is an outside reference: nothing in it comes from Vigie.
/// </summary>
public static class GoTlogClient
{
    /// <summary>Where Debian's golang-golang-x-mod-dev puts the library; used as GOPATH (no module proxy needed).</summary>
    private const string DebianGoPath = "/usr/share/gocode";

    private const string InstallHint =
        "./test.sh installs the Debian packages golang-go and golang-golang-x-mod-dev when they are missing " +
        "(or run: apt-get install -y golang-go golang-golang-x-mod-dev).";

    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    /// <summary>Runs the client; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var binary = await BuiltBinaryAsync();
        return await ExecAsync(binary, arguments, workingDirectory: null, environment: null, TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// Builds the client once per test run, cached in a temp folder keyed by the hash of its
    /// source and of the Go toolchain, since a cold Go build takes a while.
    /// </summary>
    private static async Task<string> BuildAsync()
    {
        var go = FindOnPath("go")
            ?? throw new InvalidOperationException(
                "The Go toolchain ('go') is not on PATH, so the Go tlog client cannot be built. " + InstallHint);
        if (!Directory.Exists(Path.Combine(DebianGoPath, "src/golang.org/x/mod/sumdb/tlog")))
        {
            throw new InvalidOperationException(
                $"golang.org/x/mod is not in {DebianGoPath}/src, so the Go tlog client cannot be built. " + InstallHint);
        }

        var root = RepositoryRoot();
        var source = Path.Combine(root, "tests", "go-tlog-client");
        var (versionExit, goVersion) = await ExecAsync(go, ["version"], root, null, TimeSpan.FromMinutes(1));
        if (versionExit != 0)
        {
            throw new InvalidOperationException($"'go version' failed: {goVersion}");
        }

        var cacheRoot = Path.Combine(Path.GetTempPath(), "vigie-go-tlog-client");
        var folder = Path.Combine(cacheRoot, SourceHash(source, goVersion));
        var binary = Path.Combine(folder, "go-tlog-client");
        if (File.Exists(binary))
        {
            return binary;
        }

        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $"go-tlog-client.{Environment.ProcessId}.tmp");
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off", // GOPATH mode: the library comes from the Debian package, not the module proxy
            ["GOPATH"] = DebianGoPath,
            ["GOCACHE"] = Path.Combine(cacheRoot, "gocache"),
            ["GOFLAGS"] = "",
        };
        var (exitCode, output) = await ExecAsync(go, ["build", "-o", partial, "./tests/go-tlog-client"], root, environment, TimeSpan.FromMinutes(10));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building tests/go-tlog-client failed (exit {exitCode}):\n{output}");
        }

        File.Move(partial, binary, overwrite: true); // atomic: a concurrent run sees the old binary or the whole new one
        return binary;
    }

    /// <summary>The built client; fails the calling test, never skips it, when Go is missing or the build fails.</summary>
    private static async Task<string> BuiltBinaryAsync()
    {
        try
        {
            return await Binary.Value;
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail(e.Message);
            throw; // not reached
        }
    }

    private static string SourceHash(string source, string goVersion)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(goVersion.Trim() + "\n"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(source, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Vigie.slnx not found above the test folder.");
    }

    private static async Task<(int ExitCode, string Output)> ExecAsync(
        string file, IEnumerable<string> arguments, string? workingDirectory, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
