using System.Globalization;

namespace Vigie.Benchmarks;

/// <summary>The 1/5/15-minute load averages: other builds share this machine, so every result says how busy it was.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>PSI "some avg10" for CPU: the share of the last 10 s in which runnable tasks waited for a core.</summary>
    public static string CpuPressure()
    {
        try
        {
            var line = File.ReadLines("/proc/pressure/cpu").First();
            return line.Split(' ').FirstOrDefault(p => p.StartsWith("avg10=", StringComparison.Ordinal))?[6..] ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>CPU this process used so far (all threads, GC included): a cost per entry that the machine's load does not inflate.</summary>
    public static TimeSpan ProcessCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
