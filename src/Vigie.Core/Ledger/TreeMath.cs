using System.Numerics;

namespace Vigie.Core.Ledger;

/// <summary>Index arithmetic shared by the tree, the proof verifiers and the tile code.</summary>
internal static class TreeMath
{
    /// <summary>RFC 9162 §2.1.1: k, the largest power of two smaller than n (n ≥ 2).</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    public static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    public static int Log2(long n) => BitOperations.Log2((ulong)n);

    /// <summary>Length of PATH(m, D[n]) (RFC 9162 §2.1.3.1) for 0 ≤ m &lt; n.</summary>
    public static int InclusionProofLength(long m, long n)
    {
        var length = 0;
        while (n > 1)
        {
            var k = SplitPoint(n);
            if (m >= k)
            {
                m -= k;
                n -= k;
            }
            else
            {
                n = k;
            }

            length++;
        }

        return length;
    }

    /// <summary>Length of PROOF(m, D[n]) (RFC 9162 §2.1.4.1) for 0 &lt; m ≤ n.</summary>
    public static int ConsistencyProofLength(long m, long n)
    {
        var length = 0;
        var wholeOldTree = true;
        while (m != n)
        {
            var k = SplitPoint(n);
            if (m <= k)
            {
                n = k;
            }
            else
            {
                m -= k;
                n -= k;
                wholeOldTree = false;
            }

            length++;
        }

        return wholeOldTree ? length : length + 1;
    }
}
