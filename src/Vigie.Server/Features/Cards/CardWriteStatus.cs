namespace Vigie.Server.Features.Cards;

public enum CardWriteStatus
{
    /// <summary>A new revision is in the log.</summary>
    Created,

    /// <summary>The card is the same as the latest revision: nothing was written.</summary>
    Unchanged,

    /// <summary>The version is not registered.</summary>
    VersionNotFound,

    /// <summary>Someone saved a revision after the one the writer edited.</summary>
    Conflict,

    /// <summary>The request does not make sense (e.g. a public card for an internal version).</summary>
    Invalid,

    /// <summary>The revision does not fit in one log entry.</summary>
    TooLarge,
}
