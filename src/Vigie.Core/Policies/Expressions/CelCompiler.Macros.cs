using Cel.Internal;

namespace Vigie.Core.Policies.Expressions;

/// <summary>The comprehension macros (CEL spec, "Macros"): all, exists, exists_one, map, filter.</summary>
internal sealed partial class CelCompiler
{
    private Eval? Macro(CelParser.MemberCallContext call, string name, IList<CelParser.ExprContext> args)
    {
        var arity = name switch
        {
            "all" or "exists" or "exists_one" or "filter" => args.Count == 2,
            "map" => args.Count is 2 or 3,
            _ => false,
        };
        if (!arity)
        {
            return null;
        }

        if (Alone(args[0]) is not CelParser.PrimaryExprContext { } p || p.primary() is not CelParser.IdentOrGlobalCallContext { op: null, leadingDot: null } variable)
        {
            throw new CelCompileException($"the first argument of {name}() must be a variable name, as in {name}(x, ...)", args[0].Start);
        }

        var range = Member(call.member());
        var outer = _scope;
        var slot = ++_depth;
        _frameSize = Math.Max(_frameSize, slot + 1);
        _scope = new Dictionary<string, int>(outer, StringComparer.Ordinal) { [variable.id.Text] = slot };
        try
        {
            var body = args.Skip(1).Select(Expr).ToArray();
            return name switch
            {
                "all" => frame => Quantify(CelValuesOps.Range(range(frame), name), frame, slot, body[0], stopOn: false),
                "exists" => frame => Quantify(CelValuesOps.Range(range(frame), name), frame, slot, body[0], stopOn: true),
                "exists_one" => frame => ExistsOne(CelValuesOps.Range(range(frame), name), frame, slot, body[0]),
                "filter" => frame => Filter(CelValuesOps.Range(range(frame), name), frame, slot, body[0], null),
                _ => body.Length == 1
                    ? frame => Filter(CelValuesOps.Range(range(frame), name), frame, slot, null, body[0])
                    : frame => Filter(CelValuesOps.Range(range(frame), name), frame, slot, body[0], body[1]),
            };
        }
        finally
        {
            _scope = outer;
            _depth--;
        }
    }

    /// <summary>all (stopOn false) and exists (stopOn true): a deciding element wins over errors in others, as for && and ||.</summary>
    private static object Quantify(object?[] items, object?[] frame, int slot, Eval predicate, bool stopOn)
    {
        CelEvalException? error = null;
        foreach (var item in items)
        {
            frame[slot] = item;
            try
            {
                if (CelValuesOps.Bool(predicate(frame), stopOn ? "exists()" : "all()") == stopOn)
                {
                    return Boxed(stopOn);
                }
            }
            catch (CelEvalException e)
            {
                error ??= e;
            }
        }

        return error is null ? Boxed(!stopOn) : throw error;
    }

    private static object ExistsOne(object?[] items, object?[] frame, int slot, Eval predicate)
    {
        var count = 0;
        foreach (var item in items)
        {
            frame[slot] = item;
            if (CelValuesOps.Bool(predicate(frame), "exists_one()"))
            {
                count++;
            }
        }

        return Boxed(count == 1);
    }

    /// <summary>filter (no transform), map (no filter) and map with a filter (both).</summary>
    private static object?[] Filter(object?[] items, object?[] frame, int slot, Eval? keep, Eval? transform)
    {
        var result = new List<object?>(items.Length);
        foreach (var item in items)
        {
            frame[slot] = item;
            if (keep is null || CelValuesOps.Bool(keep(frame), "filter()"))
            {
                result.Add(transform is null ? item : transform(frame));
            }
        }

        return [.. result];
    }
}
