namespace Vigie.Core.Concerns;

/// <summary>
/// The outcome of <see cref="ConcernEnvelope.Open"/>: the content, or why there is none, with a
/// message a person can act on. A refusal is an expected outcome, not an exception.
/// </summary>
public sealed record ConcernOpenResult
{
    private ConcernOpenResult(ConcernOpenError error, byte[]? content, string? message)
    {
        Error = error;
        Content = content;
        Message = message;
    }

    public ConcernOpenError Error { get; }

    /// <summary>The plaintext content when <see cref="IsOpened"/>; null otherwise.</summary>
    public byte[]? Content { get; }

    /// <summary>Why it did not open; null when it did.</summary>
    public string? Message { get; }

    public bool IsOpened => Error == ConcernOpenError.None;

    internal static ConcernOpenResult Opened(byte[] content) => new(ConcernOpenError.None, content, null);

    internal static ConcernOpenResult Failed(ConcernOpenError error, string message) => new(error, null, message);
}
