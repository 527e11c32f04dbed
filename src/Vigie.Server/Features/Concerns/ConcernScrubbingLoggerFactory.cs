namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Wraps the logger factory so the reporter's requests leave no trace in the logs, whatever
/// levels an operator turns on: records written inside such a request are dropped (warnings
/// and errors become one line that names only the category and exception type, written outside
/// the request's scopes), and the host's own "request starting/finished" records for those
/// paths, written before and after the pipeline, are dropped too.
/// </summary>
public sealed class ConcernScrubbingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private ILogger? withheld;

    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(inner.CreateLogger(categoryName), this, categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private ILogger Withheld => withheld ??= inner.CreateLogger("Vigie.Concerns.Withheld");

    private sealed class ScrubbingLogger(ILogger logger, ConcernScrubbingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (ConcernPrivacy.IsActive)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    var level = logLevel;
                    var type = exception?.GetType().Name ?? "no exception";
                    var target = factory.Withheld;
                    // Without the request's execution context, so none of its scopes (path, connection, trace id) is attached.
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(() => target.Log(level, "A concern-channel request logged a {Level} in {Category} ({Exception}); its details are withheld to protect the reporter.",
                            level, category, type));
                    }
                }

                return;
            }

            if (NamesReporterPath(state))
            {
                return;
            }

            logger.Log(logLevel, eventId, state, exception, formatter);
        }

        private static bool NamesReporterPath<TState>(TState state) =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.Any(v => v.Key is "Path" or "RequestPath" && ConcernPrivacy.IsReporterPath(v.Value?.ToString()));
    }
}
