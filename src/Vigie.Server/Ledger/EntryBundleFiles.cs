using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigie.Core.Ledger;
using Vigie.Server.Hosting;

namespace Vigie.Server.Ledger;

/// <summary>
/// Full C2SP entry bundles kept as files under <c>&lt;data&gt;/log-bundles</c>, so serving one is a
/// single file read instead of 256 rows from the store: a verifier reads every bundle of the log.
/// tlog-tiles: a full bundle never changes, so each is written once, off the writer's path, as its
/// 256th entry commits (or when first served, for bundles the server did not see fill).
/// <para>
/// The store stays the source of truth; these files are a cache of it. Each is named by its index
/// and the tree's hash of its 256 leaves, so only a file made from exactly the entries the tree
/// holds is ever found (a store restored from a backup finds none of another history's files); a
/// file is written whole under another name and renamed into place, and read back only if it
/// decodes as exactly 256 entries, so one torn by a crash is never served but rebuilt.
/// </para>
/// </summary>
public sealed class EntryBundleFiles : IAsyncDisposable
{
    /// <summary>Bundles waiting to be written; when the writer falls behind, more are left to the serve path.</summary>
    private const int QueueCapacity = 256;

    private const int SubtreeLevel = TilePath.Height; // a bundle's 256 leaves form one level-8 subtree

    private readonly string _root;
    private readonly ILogger<EntryBundleFiles> _logger;
    private readonly Channel<(long Index, byte[] Root, byte[][]? Entries, byte[]? Bundle)> _queue =
        Channel.CreateBounded<(long, byte[], byte[][]?, byte[]?)>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });

    private readonly List<byte[]> _filling = new(TilePath.FullWidth);
    private readonly Task _writer;
    private long _fillingStart;
    private int _failures;

    public EntryBundleFiles(IOptions<VigieOptions> options, ILogger<EntryBundleFiles> logger)
    {
        _root = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "log-bundles");
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// The ledger reports committed entries here, in index order and after adding them to
    /// <paramref name="tree"/>; every bundle they complete is queued for writing.
    /// </summary>
    public void Committed(long firstIndex, IReadOnlyList<byte[]> entries, MerkleTree tree)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            Committed(firstIndex + i, entries[i], tree);
        }
    }

    /// <summary>One committed entry; see the overload for a batch.</summary>
    public void Committed(long index, byte[] entry, MerkleTree tree)
    {
        if (index != _fillingStart + _filling.Count)
        {
            // Not the entry after the last one seen: start over at the next bundle boundary.
            _filling.Clear();
            _fillingStart = (index + TilePath.FullWidth - 1) / TilePath.FullWidth * TilePath.FullWidth;
        }

        if (index < _fillingStart)
        {
            return;
        }

        _filling.Add(entry);
        if (_filling.Count == TilePath.FullWidth)
        {
            var n = _fillingStart / TilePath.FullWidth;
            _queue.Writer.TryWrite((n, tree.NodeHash(SubtreeLevel, n), [.. _filling], null));
            _filling.Clear();
            _fillingStart += TilePath.FullWidth;
        }
    }

    /// <summary>Queues a full bundle the serve path had to build from the store.</summary>
    public void Save(long n, byte[] subtreeRoot, byte[] bundle) => _queue.Writer.TryWrite((n, subtreeRoot, null, bundle));

    /// <summary>
    /// Full bundle <paramref name="n"/> whose leaves hash to <paramref name="subtreeRoot"/>, in a
    /// pooled buffer (return it with <see cref="ArrayPool{T}.Shared"/>); null when there is no
    /// sound file for it.
    /// </summary>
    public (byte[] Buffer, int Length)? TryRead(long n, ReadOnlySpan<byte> subtreeRoot)
    {
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(PathOf(n, subtreeRoot));
            var length = RandomAccess.GetLength(handle);
            if (length is < TilePath.FullWidth * 2 or > TilePath.FullWidth * (EntryBundle.MaxEntrySize + 2))
            {
                return null;
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            while (read < length)
            {
                var got = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                if (got == 0)
                {
                    break;
                }

                read += got;
            }

            Span<Range> entries = stackalloc Range[TilePath.FullWidth];
            if (read == length && EntryBundle.TryDecode(buffer.AsSpan(0, read), entries, out var count, out _) && count == TilePath.FullWidth)
            {
                var result = (buffer, read);
                buffer = null;
                return result;
            }

            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Entry bundle file {Index} cannot be read; serving it from the store", n);
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private string PathOf(long n, ReadOnlySpan<byte> subtreeRoot) =>
        Path.Combine(_root, TilePath.IndexPath(n) + "-" + Convert.ToHexStringLower(subtreeRoot));

    private async Task WriteLoopAsync()
    {
        await foreach (var (n, root, entries, bundle) in _queue.Reader.ReadAllAsync())
        {
            var path = PathOf(n, root);
            try
            {
                // A bundle that just filled (or was met again at start-up) is written unless its file
                // exists; one the serve path had to build is written even then, as the file failed to read.
                if (bundle is null && File.Exists(path))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = path + ".tmp";
                await File.WriteAllBytesAsync(temporary, bundle ?? EntryBundle.Encode(entries!));
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only a cache: the store still serves every bundle. Say so once, not per bundle.
                if (Interlocked.Increment(ref _failures) == 1)
                {
                    _logger.LogWarning(e, "Entry bundle files cannot be written under {Root}; bundles are served from the store", _root);
                }
            }
        }
    }
}
