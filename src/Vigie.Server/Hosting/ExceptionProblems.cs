using Microsoft.AspNetCore.Diagnostics;
using Vigie.Server.Ledger;

namespace Vigie.Server.Hosting;

/// <summary>
/// Turns the exceptions a request can meet into problem responses: a malformed request the
/// framework rejected keeps its 4xx; a store that failed mid-commit is a 503 (nothing was
/// written). Anything else is a bug and is logged as one.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            LedgerUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The ledger is unavailable",
                "The store could not commit the entry; nothing was written. Try again shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Client closed the request", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "Something went wrong on the server; it has been logged."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
