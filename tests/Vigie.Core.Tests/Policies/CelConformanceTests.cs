using Vigie.Core.Policies;
using Vigie.Core.Policies.Expressions;
using Xunit;

namespace Vigie.Core.Tests.Policies;

/// <summary>
/// CEL semantics of the operators policies rely on, with expressions and expected results taken
/// from the cel-spec conformance suite (github.com/google/cel-spec, tests/simple/testdata/*.textproto,
/// at commit 508bd98); each case is named file/section/test as there.
/// </summary>
public sealed class CelConformanceTests
{
    [Theory]
    [InlineData("logic/conditional/true_case", "(true ? 1 : 2) == 1")]
    [InlineData("logic/AND/short_circuit_type_left (value false)", "!(false && 32)")]
    [InlineData("logic/AND/short_circuit_type_right (value false)", "!('horses' && false)")]
    [InlineData("logic/AND/short_circuit_error_left (value false)", "!(false && (2 / 0 > 3 ? false : true))")]
    [InlineData("logic/AND/short_circuit_error_right (value false)", "!((2 / 0 > 3 ? false : true) && false)")]
    [InlineData("logic/OR/short_circuit_type_left", "true || 32")]
    [InlineData("logic/OR/short_circuit_type_right", "'horses' || true")]
    [InlineData("logic/OR/short_circuit_error_left", "true || (2 / 0 > 3 ? false : true)")]
    [InlineData("logic/OR/short_circuit_error_right", "(2 / 0 > 3 ? false : true) || true")]
    [InlineData("macros/exists/list_elem_some_true", "[1, 2, 3].exists(e, e == 2)")]
    [InlineData("macros/exists/list_elem_none_true (value false)", "![1, 2, 3].exists(e, e > 3)")]
    [InlineData("macros/exists/list_elem_type_shortcircuit", "[1, 'foo', 3].exists(e, e != '1')")]
    [InlineData("macros/exists/list_elem_type_exhaustive (value false)", "![1, 'foo', 3].exists(e, e == '10')")]
    [InlineData("macros/exists/list_empty (value false)", "![].exists(e, e == 2)")]
    [InlineData("macros/exists/map_key", "{'key1':1, 'key2':2}.exists(k, k == 'key2')")]
    [InlineData("macros/all/list_elem_all_true", "[1, 2, 3].all(e, e > 0)")]
    [InlineData("macros/all/list_elem_type_shortcircuit (value false)", "![1, 'foo', 3].all(e, e == 1)")]
    [InlineData("macros/all/list_elem_error_shortcircuit (value false)", "![1, 2, 3].all(e, 6 / (2 - e) == 6)")]
    [InlineData("macros/all/list_empty", "[].all(e, e > 0)")]
    [InlineData("macros/all/map_key (value false)", "!{'key1':1, 'key2':2}.all(k, k == 'key2')")]
    [InlineData("macros/exists_one/list_one", "[6, 7, 8].exists_one(foo, foo % 5 == 2)")]
    [InlineData("macros/exists_one/list_many (value false)", "![0, 1, 2, 3, 4].exists_one(n, n % 2 == 1)")]
    [InlineData("macros/exists_one/list_all (value false)", "!['foal', 'foo', 'four'].exists_one(n, n.startsWith('fo'))")]
    [InlineData("macros/map/list_many", "[2, 4, 6].map(n, n / 2) == [1, 2, 3]")]
    [InlineData("macros/map/map_extract_keys", "{'John': 'smart'}.map(key, key) == ['John']")]
    [InlineData("macros/filter/list_many", "[2, 3, 4, 5].filter(n, n % 2 == 0) == [2, 4]")]
    [InlineData("comparisons/eq_literal/eq_int_uint", "dyn(1) == 1u")]
    [InlineData("comparisons/eq_literal/eq_int_double", "dyn(1) == 1.0")]
    [InlineData("comparisons/eq_literal/eq_list_elem_mixed_types", "[1] == [1.0]")]
    [InlineData("comparisons/ne_literal/ne_int_double", "dyn(24) != 24.1")]
    [InlineData("comparisons/lt_literal/lt_string", "'a' < 'b'")]
    [InlineData("comparisons/lt_literal/lt_dyn_int_double", "dyn(1) < 2.0")]
    [InlineData("comparisons/lt_literal/not_lt_dyn_int_big_lossy_double (value false)", "!(dyn(9223372036854775807) < 9223372036854775808.0)")]
    [InlineData("comparisons/lt_literal/lt_dyn_int_big_lossy_double", "dyn(9223372036854775807) < 9223372036854777857.0")]
    [InlineData("comparisons/in_list_literal/elem_not_in_empty_list (value false)", "!('empty' in [])")]
    [InlineData("comparisons/in_list_literal/elem_in_list", "'elem' in ['elem', 'elemA', 'elemB']")]
    [InlineData("comparisons/in_map_literal/key_not_in_empty_map (value false)", "!('empty' in {})")]
    [InlineData("comparisons/in_map_literal/key_in_map", "'key' in {'key':'1', 'other':'2'}")]
    [InlineData("comparisons/in_map_literal/key_not_in_map (value false)", "!('key' in {'lock':1, 'gate':2})")]
    [InlineData("fields/map_has/has", "has({'a': 1, 'b': 2}.a)")]
    [InlineData("fields/map_has/has_not (value false)", "!has({'a': 1, 'b': 2}.c)")]
    [InlineData("fields/map_has/has_empty (value false)", "!has({}.a)")]
    [InlineData("timestamps/timestamp_conversions/toInt_timestamp", "int(timestamp('2009-02-13T23:31:30Z')) == 1234567890")]
    [InlineData("timestamps/timestamp_conversions/toString_timestamp", "string(timestamp('2009-02-13T23:31:30Z')) == '2009-02-13T23:31:30Z'")]
    [InlineData("timestamps/duration_conversions/toString_duration", "string(duration('1000000s')) == '1000000s'")]
    [InlineData("timestamps/timestamp_selectors/getDate", "timestamp('2009-02-13T23:31:30Z').getDate() == 13")]
    [InlineData("timestamps/timestamp_selectors/getDayOfMonth", "timestamp('2009-02-13T23:31:30Z').getDayOfMonth() == 12")]
    [InlineData("timestamps/timestamp_selectors/getDayOfWeek", "timestamp('2009-02-13T23:31:30Z').getDayOfWeek() == 5")]
    [InlineData("timestamps/timestamp_selectors/getDayOfYear", "timestamp('2009-02-13T23:31:30Z').getDayOfYear() == 43")]
    [InlineData("timestamps/timestamp_selectors/getMonth", "timestamp('2009-02-13T23:31:30Z').getMonth() == 1")]
    [InlineData("timestamps/timestamp_selectors/getMilliseconds", "timestamp('2009-02-13T23:31:20.123456789Z').getMilliseconds() == 123")]
    [InlineData("timestamps/timestamp_selectors_tz/getDayOfMonth_numerical_pos", "timestamp('2009-02-13T23:31:30Z').getDayOfMonth('+11:00') == 13")]
    [InlineData("timestamps/timestamp_selectors_tz/getDayOfMonth_numerical_neg", "timestamp('2009-02-13T02:00:00Z').getDayOfMonth('-02:30') == 11")]
    [InlineData("timestamps/timestamp_selectors_tz/getFullYear", "timestamp('2009-02-13T23:31:30Z').getFullYear('-09:30') == 2009")]
    [InlineData("timestamps/comparisons/eq_same (durations)", "duration('123s') == duration('123s')")]
    [InlineData("timestamps/comparisons/neq_diff (durations)", "duration('86400s') != duration('86164s')")]
    [InlineData("timestamps/comparisons/leq_duration_true", "duration('200s') <= duration('200s')")]
    [InlineData("timestamps/arithmetic/add_duration_to_time", "timestamp('2009-02-13T23:00:00Z') + duration('240s') == timestamp('2009-02-13T23:04:00Z')")]
    [InlineData("timestamps/arithmetic/add_time_to_duration", "duration('120s') + timestamp('2009-02-13T23:01:00Z') == timestamp('2009-02-13T23:03:00Z')")]
    [InlineData("timestamps/arithmetic/add_duration_to_duration", "duration('600s') + duration('50s') == duration('650s')")]
    [InlineData("timestamps/arithmetic/subtract_duration_from_time", "timestamp('2009-02-13T23:10:00Z') - duration('600s') == timestamp('2009-02-13T23:00:00Z')")]
    [InlineData("timestamps/arithmetic/subtract_time_from_time", "timestamp('2009-02-13T23:31:00Z') - timestamp('2009-02-13T23:29:00Z') == duration('120s')")]
    [InlineData("timestamps/arithmetic/subtract_duration_from_duration", "duration('900s') - duration('42s') == duration('858s')")]
    public void Expression_IsTrue_AsTheConformanceSuiteExpects(string source, string expression)
    {
        Assert.Equal(true, Run(expression, source));
    }

    [Theory]
    [InlineData("logic/conditional/error_case", "2 / 0 > 4 ? 'baz' : 'quux'", "division by zero")]
    [InlineData("logic/conditional/bad_type", "'cows' ? false : 17", "no such overload")]
    [InlineData("logic/AND/error_right", "true && 1/0 != 0", "division by zero")]
    [InlineData("logic/AND/no_overload", "'less filling' && 'tastes great'", "no such overload")]
    [InlineData("macros/exists/list_elem_exists_error", "[1, 2, 3].exists(e, e / 0 == 17)", "division by zero")]
    [InlineData("macros/all/list_elem_type_exhaustive", "[1, 'foo', 3].all(e, e % 2 == 1)", "no such overload")]
    [InlineData("macros/all/list_elem_error_exhaustive", "[1, 2, 3].all(e, e / 0 != 17)", "division by zero")]
    [InlineData("macros/exists_one/list_no_shortcircuit", "[3, 2, 1, 0].exists_one(n, 12 / n > 1)", "division by zero")]
    [InlineData("macros/map/list_error", "[2, 1, 0].map(n, 4 / n)", "division by zero")]
    [InlineData("integer_math/int64_math/int64_overflow_positive", "9223372036854775807 + 1", "overflow")]
    [InlineData("integer_math/int64_math/int64_overflow_negative", "-9223372036854775808 - 1", "overflow")]
    [InlineData("integer_math/int64_math/int64_min_negate", "-(-9223372036854775808)", "overflow")]
    [InlineData("integer_math/int64_math/int64_min_negate_div", "(-9223372036854775808)/-1", "overflow")]
    [InlineData("integer_math/int64_math/int64_overflow_mul_positive", "5000000000 * 5000000000", "overflow")]
    [InlineData("integer_math/uint64_math/uint64_overflow_positive", "18446744073709551615u + 1u", "overflow")]
    [InlineData("comparisons/lt_literal/lt_mixed_types_error", "'foo' < 1024", "no such overload")]
    public void Expression_IsAnError_AsTheConformanceSuiteExpects(string source, string expression, string error)
    {
        var e = Assert.Throws<CelEvalException>(() => Run(expression, source));
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duration('1h30m') == duration('5400s')")]
    [InlineData("duration('-1.5s') == -duration('1500ms')")]
    [InlineData("duration('2h').getMinutes() == 120")]
    [InlineData("timestamp('2026-01-31T12:00:00+02:00') == timestamp('2026-01-31T10:00:00Z')")]
    [InlineData("timestamp('2026-01-31t10:00:00z') == timestamp('2026-01-31T10:00:00.000Z')")]
    [InlineData("string(timestamp('2026-01-31T10:00:00.5Z')) == '2026-01-31T10:00:00.5Z'")]
    public void TimestampsAndDurations_ReadTheSpecsTextForms(string expression)
    {
        // CEL spec, "Timestamp and Duration": RFC 3339 text; durations as decimal numbers with h, m, s, ms, us, ns.
        Assert.Equal(true, Run(expression, "spec"));
    }

    [Fact]
    public void ConstantCallThatFails_StaysARuntimeError()
    {
        // Folding duration('soon') at compile time fails, so it is left to fail when run (the dry run then reports it).
        Assert.Null(CelRuntime.Compile("duration('soon') > duration('1s')").Error);
        Assert.Throws<CelEvalException>(() => Run("duration('soon') > duration('1s')", "spec"));
    }

    [Fact]
    public void MixedArithmetic_IsAnError_ButMixedComparisonIsNot()
    {
        // CEL spec, "Numeric values": no implicit conversion in arithmetic, but ordering and equality across numeric types.
        Assert.Throws<CelEvalException>(() => Run("2 * 1.5", "spec"));
        Assert.Throws<CelEvalException>(() => Run("1.5 * 2", "spec"));
        Assert.Equal(3.0, Run("2.0 * 1.5", "spec"));
        Assert.Equal(true, Run("2 < 2.5 && 3u > 2 && 1e25 > 9223372036854775807", "spec"));
    }

    [Fact]
    public void Unknowns_AreCompileErrors_InEveryBranch()
    {
        // Stricter than the conformance suite's basic/self_eval_unbound_lookup: a policy must not
        // mention a variable or function that cannot exist, even in a branch a dry run skips.
        Assert.Contains("unknown variable 'x'", CelRuntime.Compile("true || x").Error, StringComparison.Ordinal);
        Assert.Contains("unknown function f_unknown()", CelRuntime.Compile("false && f_unknown(17)").Error, StringComparison.Ordinal);
        Assert.Contains("first argument of all()", CelRuntime.Compile("[1].all(1, true)").Error, StringComparison.Ordinal);
        Assert.Contains("has() takes one field selection", CelRuntime.Compile("has(dossier)").Error, StringComparison.Ordinal);
        Assert.Contains("CEL syntax error", CelRuntime.Compile("1 +").Error, StringComparison.Ordinal);
    }

    private static object? Run(string expression, string source)
    {
        var compiled = CelRuntime.Compile(expression);
        Assert.True(compiled.Error is null, $"{source}: {compiled.Error}");
        return compiled.Program!.Run(null);
    }
}
