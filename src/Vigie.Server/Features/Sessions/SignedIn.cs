using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Sessions;

/// <summary>A new session: the id to put in the cookie (shown nowhere else) and when it ends at the latest.</summary>
public sealed record SignedIn(string SessionId, CurrentUser User, DateTimeOffset ExpiresAt);
