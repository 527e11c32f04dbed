using Cel.Internal;
using Vigie.Core.Policies.Expressions;

namespace Vigie.Core.Policies;

/// <summary>A compiled CEL expression with its syntax tree, or a mistake at a 1-based position in the expression.</summary>
internal sealed record CelCompiled(CelParser.StartContext? Tree, CelProgram? Program, string? Error, long Line, long Column);
