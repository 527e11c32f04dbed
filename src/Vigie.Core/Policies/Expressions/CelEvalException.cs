using Antlr4.Runtime;

namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// A CEL evaluation error (CEL spec, "Runtime errors"): no such key, no matching overload,
/// overflow, division by zero. Raised while a rule runs and turned into the rule's error. In a
/// program compiled to locate its errors (the load-time dry run), <see cref="At"/> is the token
/// of the innermost operation that raised it.
/// </summary>
internal sealed class CelEvalException(string message) : Exception(message)
{
    public IToken? At { get; private set; }

    /// <summary>Records where the error arose, unless an inner operation already did.</summary>
    public void Locate(IToken at) => At ??= at;
}
