using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
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
    private bool _locate;

    /// <summary>
    /// Compiles a parsed expression. With <paramref name="locate"/>, each operation records its token
    /// in the errors it raises, so the load-time dry run can say where a type error is; the gate's
    /// own programs are compiled without it and pay nothing for it.
    /// </summary>
    public static CelProgram Compile(CelParser.StartContext tree, bool locate = false)
    {
        var compiler = new CelCompiler { _locate = locate };
        var root = compiler.Expr(tree.e);
        return new CelProgram(root, compiler._frameSize);
    }

    /// <summary>In a locating program, <paramref name="eval"/> with its errors placed at <paramref name="token"/>; otherwise (and for constants) itself.</summary>
    private Eval At(IToken? token, Eval eval)
    {
        if (!_locate || token is null || _constants.ContainsKey(eval))
        {
            return eval;
        }

        return frame =>
        {
            try
            {
                return eval(frame);
            }
            catch (CelEvalException e)
            {
                e.Locate(token);
                throw;
            }
        };
    }

    /// <summary>The operator token of a rule context: its first child that is a token (e.g. '&&', '['), else its start.</summary>
    private static IToken Operator(ParserRuleContext context) =>
        context.children?.OfType<ITerminalNode>().FirstOrDefault()?.Symbol ?? context.Start;

    private Eval Expr(CelParser.ExprContext expr)
    {
        var condition = Or(expr.e);
        if (expr.op is null)
        {
            return condition;
        }

        var then = Or(expr.e1);
        var otherwise = Expr(expr.e2);
        return At(expr.op, frame => CelValuesOps.Bool(condition(frame), "the condition of ?:") ? then(frame) : otherwise(frame));
    }

    private Eval Or(CelParser.ConditionalOrContext or)
    {
        if (or._e1.Count == 0)
        {
            return And(or.e);
        }

        Eval[] parts = [And(or.e), .. or._e1.Select(And)];
        return At(Operator(or), frame => Logical(parts, frame, stopOn: true));
    }

    private Eval And(CelParser.ConditionalAndContext and)
    {
        if (and._e1.Count == 0)
        {
            return Relation(and.e);
        }

        Eval[] parts = [Relation(and.e), .. and._e1.Select(Relation)];
        return At(Operator(and), frame => Logical(parts, frame, stopOn: false));
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
        return At(relation.op, op switch
        {
            "==" => frame => Boxed(CelCompare.Equal(left(frame), right(frame))),
            "!=" => frame => Boxed(!CelCompare.Equal(left(frame), right(frame))),
            "in" => frame => Boxed(CelValuesOps.In(left(frame), right(frame))),
            "<" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) < 0),
            "<=" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) <= 0),
            ">" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) > 0),
            ">=" => frame => Boxed(CelCompare.Order(left(frame), right(frame), op) >= 0),
            _ => throw new CelCompileException($"unknown operator '{op}'", relation.op),
        });
    }

    private Eval Calc(CelParser.CalcContext calc)
    {
        if (calc.op is null)
        {
            return Unary(calc.unary());
        }

        var left = Calc(calc.calc(0));
        var right = Calc(calc.calc(1));
        return At(calc.op, calc.op.Text switch
        {
            "+" => frame => CelArithmetic.Add(left(frame), right(frame)),
            "-" => frame => CelArithmetic.Subtract(left(frame), right(frame)),
            "*" => frame => CelArithmetic.Multiply(left(frame), right(frame)),
            "/" => frame => CelArithmetic.Divide(left(frame), right(frame)),
            "%" => frame => CelArithmetic.Modulo(left(frame), right(frame)),
            var op => throw new CelCompileException($"unknown operator '{op}'", calc.op),
        });
    }

    private Eval Unary(CelParser.UnaryContext unary)
    {
        switch (unary)
        {
            case CelParser.LogicalNotContext not:
                var operand = Member(not.member());
                return At(not.Start, not._ops.Count % 2 == 0 ? frame => Boxed(CelValuesOps.Bool(operand(frame), "!")) : frame => Boxed(CelArithmetic.Not(operand(frame))));
            case CelParser.NegateContext negate:
                var value = Member(negate.member());
                var times = negate._ops.Count;
                return At(negate.Start, frame =>
                {
                    var result = value(frame);
                    for (var i = 0; i < times; i++)
                    {
                        result = CelArithmetic.Negate(result);
                    }

                    return result;
                });
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
                return At(select.id, frame => CelValuesOps.Select(target(frame), field));
            case CelParser.IndexContext index:
                Refuse(index.opt, "optional indexing ([?...]) is not supported; check the key with 'in' first");
                var container = Member(index.member());
                var key = Expr(index.index);
                return At(Operator(index), frame => CelValuesOps.Index(container(frame), key(frame)));
            case CelParser.MemberCallContext call:
                return At(call.id, MemberCall(call));
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
