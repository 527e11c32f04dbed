namespace Vigie.Cli.Verification;

/// <summary>
/// Runs jobs with up to <c>width</c> in flight (downloads and hashing overlap, on every core) and
/// hands their results over strictly in order, so "the first bad entry" means the first by index.
/// </summary>
internal static class OrderedWindow
{
    /// <param name="consume">Returns false to stop early: jobs still running are cancelled.</param>
    public static async Task RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int width,
        Func<TItem, CancellationToken, Task<TResult>> job,
        Func<TItem, TResult, bool> consume,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(TItem Item, Task<TResult> Task)>();
        using var source = items.GetEnumerator();
        try
        {
            while (true)
            {
                while (inFlight.Count < width && source.MoveNext())
                {
                    var item = source.Current;
                    inFlight.Enqueue((item, Task.Run(() => job(item, stop.Token), stop.Token)));
                }

                if (inFlight.Count == 0)
                {
                    return;
                }

                var (head, task) = inFlight.Dequeue();
                if (!consume(head, await task))
                {
                    return;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var (_, task) in inFlight)
            {
                try
                {
                    await task;
                }
                catch (Exception)
                {
                    // abandoned after an earlier failure; its own outcome no longer matters
                }
            }
        }
    }
}
