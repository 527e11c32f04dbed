using Microsoft.Extensions.Options;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The channel's rate limits: one global bucket for new concerns and one for receipt checks, in
/// memory only. A per-client limit would need an identifier (an address, a cookie), which this
/// channel must not keep; a global limit protects the server (Argon2id costs CPU and memory)
/// without knowing anyone.
/// </summary>
public sealed class ConcernRateLimits(TimeProvider time, IOptions<ConcernOptions> options)
{
    public TokenBucket Submissions { get; } =
        new(Math.Max(1, options.Value.SubmissionBurst), Math.Max(1, options.Value.SubmissionsPerHour) / 3600.0, time);

    public TokenBucket ReceiptChecks { get; } =
        new(Math.Max(1, options.Value.ReceiptCheckBurst), Math.Max(1, options.Value.ReceiptChecksPerMinute) / 60.0, time);

    public static IResult Busy() => Http.Problems.Problem(StatusCodes.Status429TooManyRequests, "The concern channel is busy",
        "Too many requests reached the concern channel in the last minutes. Nothing was recorded; try again in a few minutes.");
}
