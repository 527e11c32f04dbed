namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Marks a non-page endpoint on which the session cookie identifies the caller (see
/// <see cref="SessionEndpoints.AcceptsSessionCookie{T}"/>). Razor pages accept it without this.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AcceptsSessionCookieAttribute : Attribute;
