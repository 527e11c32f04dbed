using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Vigie.Server.Tests.Concerns;

/// <summary>A logger provider that keeps every record as text, scopes included, as a console or JSON log would.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public string Text => string.Join('\n', lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line.Append(" {").AppendJoin(", ", values.Select(v => $"{v.Key}={v.Value}")).Append('}');
            }

            owner.scopes.ForEachScope((scope, builder) => builder.Append(" => ").Append(scope is IEnumerable<KeyValuePair<string, object?>> kv
                ? string.Join(", ", kv.Select(v => $"{v.Key}={v.Value}")) : scope), line);
            owner.lines.Enqueue(line.ToString());
        }
    }
}
