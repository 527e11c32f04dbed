namespace Vigie.Core.Policies;

/// <summary>
/// A shortest line diff (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations",
/// Algorithmica 1(2), 1986): the greedy forward search, keeping each round's furthest points to
/// walk the edit script back. Policies are at most <see cref="PolicyReader.MaxBytes"/>, so the
/// O((N+M)·D) memory stays small.
/// </summary>
internal static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var n = before.Count;
        var m = after.Count;
        var max = n + m;
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
                var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && before[x] == after[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, before, after);
                }
            }
        }

        throw new InvalidOperationException("A diff always ends within N+M rounds.");
    }

    private static List<DiffLine> Backtrack(List<int[]> trace, int offset, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var lines = new List<DiffLine>();
        int x = before.Count, y = after.Count;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                x--;
                y--;
                lines.Add(new DiffLine(' ', before[x], x + 1, y + 1));
            }

            if (d > 0)
            {
                if (down)
                {
                    y--;
                    lines.Add(new DiffLine('+', after[y], null, y + 1));
                }
                else
                {
                    x--;
                    lines.Add(new DiffLine('-', before[x], x + 1, null));
                }
            }
        }

        lines.Reverse();
        return lines;
    }
}
