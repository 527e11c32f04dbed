namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// A CEL evaluation error (CEL spec, "Runtime errors"): no such key, no matching overload,
/// overflow, division by zero. Raised while a rule runs and turned into the rule's error.
/// </summary>
internal sealed class CelEvalException(string message) : Exception(message);
