namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// A compiled CEL sub-expression. The frame holds the variables: slot 0 is <c>dossier</c>, the
/// next slots the macro variables, each given its slot when compiled.
/// </summary>
internal delegate object? Eval(object?[] frame);
