namespace Vigie.Server.Features.Concerns;

/// <summary>
/// One token bucket on the injected clock: holds up to <c>capacity</c> tokens, refilled at
/// <c>perSecond</c>. It keeps a count and a time, nothing about who took a token.
/// </summary>
public sealed class TokenBucket(int capacity, double perSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = capacity;
    private DateTimeOffset last = time.GetUtcNow();

    public bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            tokens = Math.Min(capacity, tokens + Math.Max(0, (now - last).TotalSeconds) * perSecond);
            last = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
