namespace Vigie.Core.Concerns;

/// <summary>Why an envelope did not open.</summary>
public enum ConcernOpenError
{
    /// <summary>It opened.</summary>
    None,

    /// <summary>The envelope is not sealed to this key (wrong key file, or not routed to this recipient).</summary>
    NotARecipient,

    /// <summary>
    /// The envelope names this key but does not authenticate: it was altered or damaged after
    /// sealing, or built to show different recipients different content.
    /// </summary>
    Tampered,
}
