using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// The real vigie-server as a separate OS process (<c>dotnet vigie-server.dll</c>), so a test can
/// kill it with SIGKILL mid-request: no graceful shutdown, no disposal, no flush beyond what the
/// server made durable itself. An in-process WebApplicationFactory cannot do that.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string DefaultOrigin = "durability.vigie.example/log";

    private const int MaxOutputLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory;

    private ServerProcess(Process process, string name, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        Name = name;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The token the server wrote on the log's first start to &lt;data&gt;/initial-admin-token.</summary>
    public string AdminToken => File.ReadAllText(Path.Combine(_dataDirectory, "initial-admin-token")).Trim();

    /// <summary>The built server, copied next to the test assembly by the project reference.</summary>
    public static string ServerDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "vigie-server.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"vigie-server.dll is not next to the test assembly ({AppContext.BaseDirectory}); build Vigie.slnx first.", path);
            }

            return path;
        }
    }

    /// <summary>
    /// Starts the server on a free loopback port and returns once GET /log/checkpoint answers
    /// (migrated, tree loaded and checked, first checkpoint signed). Retries on another port if
    /// another process on this shared machine took the one picked.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string dataDirectory, string? postgres, string origin = DefaultOrigin, TimeSpan? readyWithin = null)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var server = Launch(name, dataDirectory, postgres, origin, FreeLoopbackPort());
            try
            {
                await server.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
                return server;
            }
            catch (Exception ex) when (server.HasExited && server.OutputText.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                last = ex;
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw new InvalidOperationException($"{name} could not bind a loopback port three times.", last);
    }

    private static ServerProcess Launch(string name, string dataDirectory, string? postgres, string origin, int port)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.ArgumentList.Add("--data-dir");
        info.ArgumentList.Add(dataDirectory);
        if (postgres is not null)
        {
            info.ArgumentList.Add("--postgres");
            info.ArgumentList.Add(postgres);
        }

        info.ArgumentList.Add("--origin");
        info.ArgumentList.Add(origin);

        // Nothing from the developer's or CI's environment may redirect the server elsewhere.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("Vigie__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["Vigie__Log__CheckpointDelayMilliseconds"] = "20";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, name, new Uri(url), dataDirectory);
        process.OutputDataReceived += (_, e) => server.Capture("out", e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture("err", e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {info.FileName} {ServerDll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before it was ready.\n{OutputText}");
            }

            try
            {
                using var response = await client.GetAsync("/log/checkpoint");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start on a busy machine
            }

            if (deadline.Elapsed > within)
            {
                throw new TimeoutException($"{Name} did not answer GET /log/checkpoint within {within}.\n{OutputText}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A client for this server; many connections, so concurrent writers are not serialised by the client.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>SIGKILL (Process.Kill on Unix): the server gets no chance to shut down, flush or dispose anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited between the check and the kill
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The last lines the server wrote to stdout and stderr, for failure messages.</summary>
    public string OutputText
    {
        get
        {
            var text = new StringBuilder();
            text.Append("---- ").Append(Name).Append(" (pid ").Append(SafePid()).Append(", ").Append(BaseAddress).AppendLine(") output ----");
            foreach (var line in _output)
            {
                text.AppendLine(line);
            }

            return text.Append("---- end of ").Append(Name).AppendLine(" output ----").ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private string SafePid()
    {
        try
        {
            return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void Capture(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{stream}] {line}");
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
