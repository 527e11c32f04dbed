using Antlr4.Runtime;

namespace Vigie.Core.Policies.Expressions;

/// <summary>A mistake found while compiling a CEL expression (unknown variable or function, unsupported syntax), at a token of it.</summary>
internal sealed class CelCompileException(string message, IToken at) : Exception(message)
{
    public IToken At { get; } = at;
}
