using Cel;
using Cel.Internal;

namespace Vigie.Core.Policies;

/// <summary>A compiled CEL expression with its syntax tree, or a syntax error at a 1-based position in the expression.</summary>
internal sealed record CelCompiled(CelParser.StartContext? Tree, CelProgramDelegate? Program, string? Error, long Line, long Column);
