namespace Vigie.Core.Policies.Expressions;

/// <summary>A CEL type as a value (CEL spec, "Type values"): what <c>type(x)</c> returns and what <c>int</c>, <c>list</c> ... denote.</summary>
internal sealed record CelTypeValue(string Name)
{
    public static readonly CelTypeValue Int = new("int");
    public static readonly CelTypeValue Uint = new("uint");
    public static readonly CelTypeValue Double = new("double");
    public static readonly CelTypeValue Bool = new("bool");
    public static readonly CelTypeValue String = new("string");
    public static readonly CelTypeValue Bytes = new("bytes");
    public static readonly CelTypeValue List = new("list");
    public static readonly CelTypeValue Map = new("map");
    public static readonly CelTypeValue Null = new("null_type");
    public static readonly CelTypeValue Type = new("type");
    public static readonly CelTypeValue Timestamp = new("google.protobuf.Timestamp");
    public static readonly CelTypeValue Duration = new("google.protobuf.Duration");

    public static IReadOnlyDictionary<string, CelTypeValue> ByName { get; } =
        new[] { Int, Uint, Double, Bool, String, Bytes, List, Map, Null, Type }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The CEL type of a runtime value.</summary>
    public static CelTypeValue Of(object? value) => value switch
    {
        null => Null,
        bool => Bool,
        long => Int,
        ulong => Uint,
        double => Double,
        string => String,
        object?[] => List,
        Dictionary<string, object?> => Map,
        DateTimeOffset => Timestamp,
        TimeSpan => Duration,
        CelTypeValue => Type,
        _ => throw new CelEvalException($"unsupported value of .NET type {value.GetType().Name}"),
    };

    public override string ToString() => Name;
}
