namespace Vigie.Core.Policies;

/// <summary>
/// The gate's answer. <see cref="Deny"/>: a block rule failed. <see cref="AllowWithWarnings"/>:
/// no block rule failed, but a warn rule failed or a rule was waived. <see cref="Allow"/>:
/// every applicable rule passed.
/// </summary>
public enum GateVerdict
{
    Allow,
    Deny,
    AllowWithWarnings,
}
