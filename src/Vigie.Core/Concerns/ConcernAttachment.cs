namespace Vigie.Core.Concerns;

/// <summary>A file sent with a concern, inside the sealed report (never seen by the server).</summary>
public sealed record ConcernAttachment(string Name, string MediaType, byte[] Data);
