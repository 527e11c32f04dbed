using Antlr4.Runtime;
using Cel.Internal;

namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// Compiles the syntax tree the Cel package parses (its grammar is cel-spec's) into closures that
/// evaluate CEL semantics directly. The Cel package's own evaluator walks the syntax tree anew on
/// every run and searches protobuf descriptors on every field selection (tens to hundreds of
/// microseconds per rule); this keeps the work done once at load. Unknown variables and
/// functions, macro misuse and syntax CEL has but Vigie does not take (bytes, messages, optional
/// selection) are compile errors, found in every branch.
/// </summary>
internal sealed partial class CelCompiler
{
    // Sub-expressions whose value is known at compile time (literals, and calls on them such as
    // duration('24h') or ['low', 'medium']): computed once here instead of on every evaluation.
    private readonly Dictionary<Eval, object?> _constants = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, int> _scope = new(StringComparer.Ordinal) { [ReadPath.Root] = 0 };
    private int _depth;
    private int _frameSize = 1;

    public static CelProgram Compile(CelParser.StartContext tree)
    {
        var compiler = new CelCompiler();
        var root = compiler.Expr(tree.e);
        return new CelProgram(root, compiler._frameSize);
    }

    private Eval Expr(CelParser.ExprContext expr)
    {
        var condition = Or(expr.e);
        if (expr.op is null)
        {
            return condition;
        }

        var then = Or(expr.e1);
        var otherwise = Expr(expr.e2);
        return frame => CelValuesOps.Bool(condition(frame), "the condition of ?:") ? then(frame) : otherwise(frame);
    }

    private Eval Or(CelParser.ConditionalOrContext or)
    {
        if (or._e1.Count == 0)
        {
            return And(or.e);
        }

        Eval[] parts = [And(or.e), .. or._e1.Select(And)];
        return frame => Logical(parts, frame, stopOn: true);
    }

    private Eval And(CelParser.ConditionalAndContext and)
    {
        if (and._e1.Count == 0)
        {
            return Relation(and.e);
        }

        Eval[] parts = [Relation(and.e), .. and._e1.Select(Relation)];
        return frame => Logical(parts, frame, stopOn: false);
    }

    /// <summary>
    /// && (stopOn false) and || (stopOn true), commutative as the CEL spec defines them: a
    /// deciding operand wins even when another operand is an error; otherwise the first error is
    /// the result.
    /// </summary>
    private static object Logical(Eval[] parts, object?[] frame, bool stopOn)
    {
        CelEvalException? error = null;
        foreach (var part in parts)
        {
            try
            {
                var value = part(frame);
                if (value is bool b)
                {
                    if (b == stopOn)
                    {
                        return Boxed(stopOn);
                    }
                }
                else
                {
                    error ??= new CelEvalException($"no such overload: {(stopOn ? "||" : "&&")} takes true or false, not a {CelTypeValue.Of(value)}");
                }
            }
            catch (CelEvalException e)
            {
                error ??= e;
            }
        }

        return error is null ? Boxed(!stopOn) : throw error;
    }

    private Eval Relation(CelParser.RelationContext relation)
    {
        if (relation.op is null)
        {
            return Calc(relation.calc());
        }

        var left = Relation(relation.relation(0));
        var right = Relation(relation.relation(1));
        var op = relation.op.Text;
        return op switch
        {
            "==" => frame => Boxed(CelCompare.Equal(left(frame), right(frame))),
            "!=" => frame => Boxed(!CelCompare.Equal(left(frame), right(frame))),
            "in" => frame => Boxed(CelValuesOps.In(left(frame), right(frame))),
            "<" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) < 0),
            "<=" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) <= 0),
            ">" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) > 0),
            ">=" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) >= 0),
            _ => throw new CelCompileException($"unknown operator '{op}'", relation.op),
        };
    }

    private Eval Calc(CelParser.CalcContext calc)
    {
        if (calc.op is null)
        {
            return Unary(calc.unary());
        }

        var left = Calc(calc.calc(0));
        var right = Calc(calc.calc(1));
        return calc.op.Text switch
        {
            "+" => frame => CelArithmetic.Add(left(frame), right(frame)),
            "-" => frame => CelArithmetic.Subtract(left(frame), right(frame)),
            "*" => frame => CelArithmetic.Multiply(left(frame), right(frame)),
            "/" => frame => CelArithmetic.Divide(left(frame), right(frame)),
            "%" => frame => CelArithmetic.Modulo(left(frame), right(frame)),
            var op => throw new CelCompileException($"unknown operator '{op}'", calc.op),
        };
    }

    private Eval Unary(CelParser.UnaryContext unary)
    {
        switch (unary)
        {
            case CelParser.LogicalNotContext not:
                var operand = Member(not.member());
                return not._ops.Count % 2 == 0 ? frame => Boxed(CelValuesOps.Bool(operand(frame), "!")) : frame => Boxed(CelArithmetic.Not(operand(frame)));
            case CelParser.NegateContext negate:
                var value = Member(negate.member());
                var times = negate._ops.Count;
                return frame =>
                {
                    var result = value(frame);
                    for (var i = 0; i < times; i++)
                    {
                        result = CelArithmetic.Negate(result);
                    }

                    return result;
                };
            case CelParser.MemberExprContext member:
                return Member(member.member());
            default:
                throw new CelCompileException("unsupported expression", unary.Start);
        }
    }

    private Eval Member(CelParser.MemberContext member)
    {
        switch (member)
        {
            case CelParser.PrimaryExprContext primary:
                return Primary(primary.primary());
            case CelParser.SelectContext select:
                Refuse(select.opt, "optional field selection (.?) is not supported; guard the field with has()");
                var target = Member(select.member());
                var field = select.id.Text;
                return frame => CelValuesOps.Select(target(frame), field);
            case CelParser.IndexContext index:
                Refuse(index.opt, "optional indexing ([?...]) is not supported; check the key with 'in' first");
                var container = Member(index.member());
                var key = Expr(index.index);
                return frame => CelValuesOps.Index(container(frame), key(frame));
            case CelParser.MemberCallContext call:
                return MemberCall(call);
            default:
                throw new CelCompileException("unsupported expression", member.Start);
        }
    }

    private Eval MemberCall(CelParser.MemberCallContext call)
    {
        var name = call.id.Text;
        var args = call.args?._e ?? [];
        if (Macro(call, name, args) is { } macro)
        {
            return macro;
        }

        var function = CelFunctions.Member(name, args.Count)
            ?? throw new CelCompileException($"unknown function .{name}() with {args.Count} argument(s); functions called on a value are: {CelFunctions.MemberNames} (and the macros all, exists, exists_one, map, filter)", call.id);
        var target = Member(call.member());
        var compiled = args.Select(Expr).ToArray();
        return Fold([target, .. compiled], values => function(values[0], values[1..]), frame => function(target(frame), Evaluate(compiled, frame)));
    }

    private Eval Primary(CelParser.PrimaryContext primary)
    {
        switch (primary)
        {
            case CelParser.IdentOrGlobalCallContext ident:
                Refuse(ident.leadingDot, "a leading '.' is not supported");
                return ident.op is null ? Identifier(ident) : GlobalCall(ident);
            case CelParser.NestedContext nested:
                return Expr(nested.e);
            case CelParser.CreateListContext list:
                var elements = (list.elems?._elems ?? []).Select(e =>
                {
                    Refuse(e.opt, "optional list elements (?x) are not supported");
                    return Expr(e.e);
                }).ToArray();
                return Fold(elements, args => args, frame => Evaluate(elements, frame));
            case CelParser.CreateStructContext map:
                return MapLiteral(map);
            case CelParser.ConstantLiteralContext literal:
                return Constant(Literal(literal.literal()));
            default:
                throw new CelCompileException("message construction is not supported: rules read the dossier, they do not build messages", primary.Start);
        }
    }

    private Eval Identifier(CelParser.IdentOrGlobalCallContext ident)
    {
        var name = ident.id.Text;
        if (_scope.TryGetValue(name, out var slot))
        {
            return frame => frame[slot];
        }

        if (CelTypeValue.ByName.TryGetValue(name, out var type))
        {
            return _ => type;
        }

        throw new CelCompileException($"unknown variable '{name}': rules read the dossier as 'dossier' (e.g. dossier.action), and a macro's variable only inside the macro", ident.id);
    }

    private Eval GlobalCall(CelParser.IdentOrGlobalCallContext call)
    {
        var name = call.id.Text;
        var args = call.args?._e ?? [];
        if (name == "has")
        {
            return Has(call, args);
        }

        var function = CelFunctions.Global(name, args.Count)
            ?? throw new CelCompileException($"unknown function {name}() with {args.Count} argument(s); functions are: has, {CelFunctions.GlobalNames}", call.id);
        var compiled = args.Select(Expr).ToArray();
        return Fold(compiled, values => function(null, values), frame => function(null, Evaluate(compiled, frame)));
    }

    private Eval Has(CelParser.IdentOrGlobalCallContext call, IList<CelParser.ExprContext> args)
    {
        if (args.Count != 1 || Alone(args[0]) is not CelParser.SelectContext select)
        {
            throw new CelCompileException("has() takes one field selection, such as has(dossier.card) or has(e.score)", call.id);
        }

        var target = Member(select.member());
        var field = select.id.Text;
        return frame => Boxed(CelValuesOps.Has(target(frame), field));
    }

    private Eval MapLiteral(CelParser.CreateStructContext map)
    {
        var keys = (map.entries?._keys ?? []).Select(k =>
        {
            Refuse(k.opt, "optional map entries (?k: v) are not supported");
            return Expr(k.e);
        }).ToArray();
        var values = (map.entries?._values ?? []).Select(Expr).ToArray();
        return frame =>
        {
            var result = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                var key = keys[i](frame) as string ?? throw new CelEvalException("map keys in rules must be strings");
                if (!result.TryAdd(key, values[i](frame)))
                {
                    throw new CelEvalException($"duplicate map key '{key}'");
                }
            }

            return result;
        };
    }

    private Eval Constant(object? value)
    {
        Eval eval = _ => value;
        _constants[eval] = value;
        return eval;
    }

    /// <summary>
    /// When every part is a constant, computes the value now; an evaluation error is left for run
    /// time (the rule then fails with it, as the dry run will already have shown).
    /// </summary>
    private Eval Fold(Eval[] parts, Func<object?[], object?> compute, Eval otherwise)
    {
        if (!parts.All(_constants.ContainsKey))
        {
            return otherwise;
        }

        try
        {
            return Constant(compute([.. parts.Select(p => _constants[p])]));
        }
        catch (CelEvalException)
        {
            return otherwise;
        }
    }

    private static object? Literal(CelParser.LiteralContext literal)
    {
        try
        {
            return literal switch
            {
                CelParser.IntContext i => CelLiterals.Int(i.tok.Text, i.sign is not null),
                CelParser.UintContext u => CelLiterals.Uint(u.tok.Text),
                CelParser.DoubleContext d => CelLiterals.Double(d.tok.Text, d.sign is not null),
                CelParser.StringContext s => CelLiterals.String(s.tok.Text),
                CelParser.BoolTrueContext => true,
                CelParser.BoolFalseContext => false,
                CelParser.NullContext => null,
                _ => throw new CelCompileException("bytes literals are not supported", literal.Start),
            };
        }
        catch (FormatException e)
        {
            throw new CelCompileException(e.Message, literal.Start);
        }
    }

    private static object?[] Evaluate(Eval[] parts, object?[] frame)
    {
        var values = new object?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            values[i] = parts[i](frame);
        }

        return values;
    }

    /// <summary>The member chain an expression consists of alone (no operator), or null.</summary>
    internal static CelParser.MemberContext? Alone(CelParser.ExprContext expr) =>
        expr is { op: null, e: { _e1.Count: 0, e: { _e1.Count: 0, e: { op: null } relation } } } &&
        relation.calc() is { op: null } calc && calc.unary() is CelParser.MemberExprContext unary
            ? unary.member()
            : null;

    // Comparisons return one of two shared boxes instead of allocating one per evaluation.
    private static readonly object True = true;
    private static readonly object False = false;

    internal static object Boxed(bool value) => value ? True : False;

    private static void Refuse(IToken? token, string message)
    {
        if (token is not null)
        {
            throw new CelCompileException(message, token);
        }
    }
}
