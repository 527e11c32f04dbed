namespace Vigie.Core.Policies.Expressions;

/// <summary>Field selection, indexing, presence and membership on CEL values (CEL spec, "Field selection", "Macros": has).</summary>
internal static class CelValuesOps
{
    public static object? Select(object? target, string field) => target switch
    {
        Dictionary<string, object?> map => map.TryGetValue(field, out var value) ? value : throw new CelEvalException($"no such key: '{field}'"),
        null => throw new CelEvalException($"cannot select '{field}' from null"),
        _ => throw new CelEvalException($"no such overload: cannot select '{field}' from a {CelTypeValue.Of(target)}"),
    };

    public static bool Has(object? target, string field) => target switch
    {
        Dictionary<string, object?> map => map.ContainsKey(field),
        _ => throw new CelEvalException($"no such overload: has() on a field of a {CelTypeValue.Of(target)}"),
    };

    public static object? Index(object? target, object? index) => (target, index) switch
    {
        (object?[] list, long i) => i >= 0 && i < list.Length ? list[i] : throw new CelEvalException($"index out of range: {i}"),
        (object?[] list, ulong u) => u < (ulong)list.Length ? list[u] : throw new CelEvalException($"index out of range: {u}"),
        (object?[] list, double d) when d == Math.Truncate(d) && d >= 0 && d < list.Length => list[(int)d],
        (object?[], _) => throw new CelEvalException($"invalid list index: {index}"),
        (Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : throw new CelEvalException($"no such key: '{key}'"),
        (Dictionary<string, object?>, _) => throw new CelEvalException($"no such key: {index}"),
        _ => throw new CelEvalException($"no such overload: {CelTypeValue.Of(target)}[{CelTypeValue.Of(index)}]"),
    };

    public static bool In(object? element, object? container) => container switch
    {
        object?[] list => Array.Exists(list, item => CelCompare.Equal(element, item)),
        Dictionary<string, object?> map => element is string key && map.ContainsKey(key),
        _ => throw new CelEvalException($"no such overload: {CelTypeValue.Of(element)} in {CelTypeValue.Of(container)}"),
    };

    /// <summary>What a macro ranges over: a list's elements, or a map's keys.</summary>
    public static object?[] Range(object? target, string macro) => target switch
    {
        object?[] list => list,
        Dictionary<string, object?> map => [.. map.Keys],
        _ => throw new CelEvalException($"no such overload: {macro}() ranges over a list or a map, not a {CelTypeValue.Of(target)}"),
    };

    public static bool Bool(object? value, string where) =>
        value is bool b ? b : throw new CelEvalException($"no such overload: {where} needs true or false, not a {CelTypeValue.Of(value)}");
}
