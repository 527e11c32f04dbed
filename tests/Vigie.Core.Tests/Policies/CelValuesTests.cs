using System.Text;
using System.Text.Json;
using Vigie.Core.Json;
using Vigie.Core.Policies;
using Xunit;

namespace Vigie.Core.Tests.Policies;

public sealed class CelValuesTests
{
    [Fact]
    public void NumbersInGateResults_AreWrittenExactlyAsRfc8785Writes_Them()
    {
        // The short cuts must agree with the full ECMAScript algorithm (RFC 8785 §3.2.2.3).
        var random = new Random(8785);
        var values = new List<double> { 0, -0.0, 1, -1, 0.42, 1e-4, 9.999e-5, 1e15 - 1, 1e15, 1e21, 4.1e25, 0.1 + 0.2, 123456.789, 5e-324, double.MaxValue };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()) is var bits && double.IsFinite(bits) ? bits : 0);
            values.Add(Math.Round(random.NextDouble() * 1e6, random.Next(0, 8)) * (random.Next(2) == 0 ? -1 : 1));
            values.Add(random.NextInt64(-(long)1e16, (long)1e16));
        }

        foreach (var value in values)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                CelValues.WriteNumber(writer, value);
            }

            Assert.Equal(Jcs.SerializeNumber(value), Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
