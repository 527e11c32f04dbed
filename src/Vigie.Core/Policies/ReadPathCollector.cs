using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Cel.Internal;
using Vigie.Core.Policies.Expressions;

namespace Vigie.Core.Policies;

/// <summary>
/// Finds, in a CEL syntax tree, every dossier path the expression can read: each chain of field
/// selections and constant indexes that starts at <c>dossier</c> or at a macro variable (which
/// stands for every element of the list the macro ranges over). A chain broken by a computed
/// index or a function call counts as reading the whole value before the break, so the set
/// covers everything the expression can touch. Along the way it reports what the schema tells
/// without data, in every branch: misspelt fields, and string constants compared with a field
/// that can never hold them. (Unknown variables and functions are <see cref="Expressions.CelCompiler"/>'s to report.)
/// </summary>
internal sealed class ReadPathCollector
{
    private static readonly HashSet<string> Macros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "map", "filter" };

    private readonly List<ReadPath> _paths = [];
    private readonly List<(string Message, IToken At)> _problems = [];

    private ReadPathCollector()
    {
    }

    public IReadOnlyList<ReadPath> Paths => _paths;

    /// <summary>Problems found without running the expression, each at a token of the expression.</summary>
    public IReadOnlyList<(string Message, IToken At)> Problems => _problems;

    public static ReadPathCollector Collect(CelParser.StartContext tree)
    {
        var collector = new ReadPathCollector();
        collector.Visit(tree, Scope.Empty);
        return collector;
    }

    private void Visit(IParseTree node, Scope scope)
    {
        switch (node)
        {
            case CelParser.MemberCallContext call:
                VisitCall(call, scope);
                return;
            case CelParser.SelectContext or CelParser.IndexContext:
                VisitChain((CelParser.MemberContext)node, scope);
                return;
            case CelParser.PrimaryExprContext { Parent: not (CelParser.SelectContext or CelParser.IndexContext) } primary
                when primary.primary() is CelParser.IdentOrGlobalCallContext { op: null }:
                VisitChain(primary, scope);
                return;
            case CelParser.RelationContext { op: not null } relation:
                CheckConstants(relation, scope);
                break;
        }

        for (var i = 0; i < node.ChildCount; i++)
        {
            Visit(node.GetChild(i), scope);
        }
    }

    private void VisitChain(CelParser.MemberContext member, Scope scope)
    {
        if (PathOf(member, scope) is { } path)
        {
            Record(path, member.Start);
            return;
        }

        // Not a dossier path as a whole: what it is made of may still read the dossier.
        switch (member)
        {
            case CelParser.SelectContext select:
                Visit(select.member(), scope);
                break;
            case CelParser.IndexContext index:
                Visit(index.member(), scope);
                Visit(index.index, scope);
                break;
            case CelParser.PrimaryExprContext primary:
                Visit(primary.primary(), scope);
                break;
            default:
                Visit(member, scope);
                break;
        }
    }

    private void VisitCall(CelParser.MemberCallContext call, Scope scope)
    {
        var args = call.args?._e ?? [];
        Visit(call.member(), scope);
        if (!Macros.Contains(call.id.Text) || args.Count is < 2 or > 3)
        {
            foreach (var arg in args)
            {
                Visit(arg, scope);
            }

            return;
        }

        if (BareIdentifier(args[0]) is not { } variable)
        {
            return;
        }

        var source = SourceOf(call.member(), scope);
        var inner = scope.With(variable, source?.Append(ReadPath.Each));
        foreach (var arg in args.Skip(1))
        {
            Visit(arg, inner);
        }
    }

    /// <summary>The path a chain denotes, or null when it does not start at the dossier or a bound macro variable.</summary>
    private static ReadPath? PathOf(CelParser.MemberContext member, Scope scope)
    {
        switch (member)
        {
            case CelParser.PrimaryExprContext { } primary when primary.primary() is CelParser.IdentOrGlobalCallContext { op: null } ident:
                var name = ident.id.Text;
                if (ident.leadingDot is null && scope.TryGet(name, out var bound))
                {
                    return bound;
                }

                return ident.leadingDot is null && name == ReadPath.Root ? ReadPath.Dossier : null;
            case CelParser.SelectContext select:
                return PathOf(select.member(), scope)?.Append(select.id.Text);
            case CelParser.IndexContext index:
                var basePath = PathOf(index.member(), scope);
                return basePath is null ? null : ConstantKey(index.index) is { } key ? basePath.Append(key) : null;
            default:
                return null;
        }
    }

    /// <summary>What a macro's variable ranges over: the list itself, or the list a filter() kept elements of.</summary>
    private static ReadPath? SourceOf(CelParser.MemberContext member, Scope scope) => member switch
    {
        CelParser.MemberCallContext { id.Text: "filter" } filter => SourceOf(filter.member(), scope),
        CelParser.MemberCallContext => null,
        _ => PathOf(member, scope),
    };

    private void Record(ReadPath path, IToken at)
    {
        var step = DossierShape.Follow(path);
        if (step.Error is not null)
        {
            _problems.Add((step.Error, at));
        }

        if (!_paths.Contains(path))
        {
            _paths.Add(path);
        }
    }

    /// <summary>Compares a string constant with the allowed values of the field it is tested against.</summary>
    private void CheckConstants(CelParser.RelationContext relation, Scope scope)
    {
        var op = relation.op.Text;
        if (op is not ("==" or "!=" or "in") || relation.relation().Length != 2)
        {
            return;
        }

        var left = MemberOf(relation.relation(0));
        var right = MemberOf(relation.relation(1));
        if (op != "in" && left is not null && right is not null && StringConstant(left) is { } l)
        {
            (left, right) = (right, left);
            Check(left, l, right.Start, scope);
            return;
        }

        if (left is null || right is null)
        {
            return;
        }

        if (op != "in" && StringConstant(right) is { } r)
        {
            Check(left, r, right.Start, scope);
        }
        else if (op == "in" && right is CelParser.PrimaryExprContext { } list && list.primary() is CelParser.CreateListContext create)
        {
            foreach (var element in create.elems?._elems ?? [])
            {
                if (CelCompiler.Alone(element.e) is { } item && StringConstant(item) is { } value)
                {
                    Check(left, value, item.Start, scope);
                }
            }
        }
    }

    private void Check(CelParser.MemberContext field, string constant, IToken at, Scope scope)
    {
        if (PathOf(field, scope) is not { } path)
        {
            return;
        }

        var step = DossierShape.Follow(path);
        if (step is { Open: false, Error: null } && DossierShape.StringsOf(step.Node) is { } allowed && !allowed.Contains(constant, StringComparer.Ordinal))
        {
            _problems.Add(($"'{constant}' is never a value of {path}; it is one of: {string.Join(", ", allowed)}", at));
        }
    }

    private static CelParser.MemberContext? MemberOf(CelParser.RelationContext relation) =>
        relation.calc() is { } calc && calc.unary() is CelParser.MemberExprContext unary ? unary.member() : null;

    private static string? BareIdentifier(CelParser.ExprContext expr) =>
        CelCompiler.Alone(expr) is CelParser.PrimaryExprContext { } p && p.primary() is CelParser.IdentOrGlobalCallContext { op: null, leadingDot: null } ident
            ? ident.id.Text
            : null;

    private static string? ConstantKey(CelParser.ExprContext index)
    {
        if (CelCompiler.Alone(index) is not CelParser.PrimaryExprContext { } p || p.primary() is not CelParser.ConstantLiteralContext literal)
        {
            return null;
        }

        return literal.literal() switch
        {
            CelParser.IntContext { sign: null } n when int.TryParse(n.tok.Text, out var position) => $"[{position}]",
            CelParser.StringContext s => Unquote(s.tok.Text),
            _ => null,
        };
    }

    private static string? StringConstant(CelParser.MemberContext member) =>
        member is CelParser.PrimaryExprContext { } p && p.primary() is CelParser.ConstantLiteralContext { } c && c.literal() is CelParser.StringContext s
            ? Unquote(s.tok.Text)
            : null;

    /// <summary>A simple quoted string's value; null for raw, triple-quoted or escaped strings (not checked).</summary>
    private static string? Unquote(string token)
    {
        if (token.Length < 2 || token[0] != token[^1] || token[0] is not ('\'' or '"') || token.StartsWith("'''", StringComparison.Ordinal) ||
            token.StartsWith("\"\"\"", StringComparison.Ordinal) || token.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        return token[1..^1];
    }

    /// <summary>Macro variables in force, innermost last; a variable bound to null shadows without a path.</summary>
    private sealed class Scope
    {
        private readonly Dictionary<string, ReadPath?> _bound;

        private Scope(Dictionary<string, ReadPath?> bound) => _bound = bound;

        public static Scope Empty { get; } = new([]);

        public Scope With(string name, ReadPath? path) => new(new Dictionary<string, ReadPath?>(_bound, StringComparer.Ordinal) { [name] = path });

        public bool TryGet(string name, out ReadPath? path) => _bound.TryGetValue(name, out path);
    }
}
