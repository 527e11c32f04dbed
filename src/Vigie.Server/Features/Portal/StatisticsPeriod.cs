namespace Vigie.Server.Features.Portal;

/// <summary>A period of days, both ends included; null ends are open.</summary>
public sealed record StatisticsPeriod(DateOnly? From, DateOnly? To)
{
    public static StatisticsPeriod All { get; } = new(null, null);

    /// <summary>Whether an RFC 3339 time (or a yyyy-MM-dd day) falls in the period.</summary>
    public bool Contains(string? time)
    {
        if (time is null || time.Length < 10 || !DateOnly.TryParseExact(time[..10], "yyyy-MM-dd", out var day))
        {
            return false;
        }

        return (From is null || day >= From) && (To is null || day <= To);
    }

    public string Describe() => (From, To) switch
    {
        (null, null) => "the whole log",
        ({ } f, null) => $"from {f:yyyy-MM-dd}",
        (null, { } t) => $"up to {t:yyyy-MM-dd}",
        ({ } f, { } t) => $"{f:yyyy-MM-dd} to {t:yyyy-MM-dd}",
    };
}
