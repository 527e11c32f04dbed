using Cel.Internal;

namespace Vigie.Core.Policies.Expressions;

/// <summary>Primaries: identifiers, global calls (has() included), list and map literals, constants and their folding.</summary>
internal sealed partial class CelCompiler
{
    private Eval Primary(CelParser.PrimaryContext primary)
    {
        switch (primary)
        {
            case CelParser.IdentOrGlobalCallContext ident:
                Refuse(ident.leadingDot, "a leading '.' is not supported");
                return ident.op is null ? Identifier(ident) : At(ident.id, GlobalCall(ident));
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
}
