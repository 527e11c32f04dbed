namespace Vigie.Server.Features.Portal;

/// <summary>
/// A feature that can count something about how governance is working — decisions, overrides,
/// gate denials, incidents by category, concerns and their timeliness — gives its figures here;
/// the portal's statistics page and the periodic transparency report show them. Register it with
/// <c>services.AddSingleton&lt;IGovernanceStatisticsSource, YourSource&gt;()</c>. Every figure is
/// computed from the feature's projections (so from the log), counts public facts only, and names
/// the entries it counted.
/// </summary>
public interface IGovernanceStatisticsSource
{
    /// <summary>This feature's figures over <paramref name="period"/> (by the time of the entries counted).</summary>
    Task<StatisticsGroup> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken);
}
