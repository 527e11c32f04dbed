using Antlr4.Runtime;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Policies;

/// <summary>
/// Turns a rule read from YAML into a <see cref="CompiledRule"/>: compiles both conditions,
/// checks what they read against the dossier schema, then dry-runs them
/// (<see cref="RuleDryRun"/>). Errors carry the rule id and the YAML line and column of the
/// mistake inside the expression when it can be placed exactly, else of the expression.
/// </summary>
internal static class RuleCompiler
{
    /// <summary>Deepest nesting of (), [] and {} accepted: the parser recurses per level.</summary>
    public const int MaxNesting = 32;

    public static CompiledRule? Compile(RuleDraft draft, string text, List<PolicyError> errors)
    {
        var before = errors.Count;
        var when = draft.When is null ? null : Expression(draft, "when", draft.When, draft.WhenNode!, text, errors);
        var require = Expression(draft, "require", draft.Require, draft.RequireNode, text, errors);
        if (errors.Count > before || require is null || (draft.When is not null && when is null))
        {
            return null;
        }

        var paths = (when?.Paths ?? []).Concat(require.Paths).Distinct().ToList();
        var rule = new PolicyRule(draft.Id, draft.AppliesTo, draft.When, draft.Require, draft.Severity, draft.Message, draft.Implements,
            draft.Line, draft.Column, [.. paths.Select(p => p.Text)]);
        var compiled = new CompiledRule(rule, when?.Compiled.Program, require.Compiled.Program!, CompiledRule.Leaves(paths));

        // The dry run uses programs that say where an error arose, so a type error is placed at its operator.
        var located = (When: when is null ? null : CelRuntime.CompileLocated(when.Compiled.Tree!), Require: CelRuntime.CompileLocated(require.Compiled.Tree!));
        foreach (var (part, message, exprLine, exprColumn) in RuleDryRun.Problems(rule.AppliesTo, located.When, located.Require))
        {
            var (line, column, suffix) = ScalarPlace.Of(part == "when" ? draft.WhenNode! : draft.RequireNode, text, exprLine, exprColumn);
            errors.Add(new PolicyError(draft.Id, line, column, $"'{part}' fails its dry run: {message}{suffix}"));
        }

        return errors.Count > before ? null : compiled;
    }

    private sealed record Checked(CelCompiled Compiled, IReadOnlyList<ReadPath> Paths);

    private static Checked? Expression(RuleDraft draft, string part, string expression, YamlScalarNode node, string text, List<PolicyError> errors)
    {
        if (Nesting(expression) > MaxNesting)
        {
            errors.Add(new PolicyError(draft.Id, node.Start.Line, node.Start.Column, $"'{part}' nests brackets more than {MaxNesting} deep; split it into simpler conditions."));
            return null;
        }

        var compiled = CelRuntime.Compile(expression);
        if (compiled.Error is not null)
        {
            var (line, column, suffix) = ScalarPlace.Of(node, text, compiled.Line, compiled.Column);
            errors.Add(new PolicyError(draft.Id, line, column, $"'{part}': {compiled.Error}{suffix}"));
            return null;
        }

        var reads = ReadPathCollector.Collect(compiled.Tree!);
        foreach (var (message, at) in reads.Problems)
        {
            var (line, column, suffix) = ScalarPlace.Of(node, text, at.Line, at.Column + 1);
            errors.Add(new PolicyError(draft.Id, line, column, $"'{part}': {message}{suffix}"));
        }

        return reads.Problems.Count > 0 ? null : new Checked(compiled, reads.Paths);
    }

    private static int Nesting(string expression)
    {
        int depth = 0, deepest = 0;
        char? quote = null;
        foreach (var c in expression)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
