using System.Buffers;

namespace Vigie.Server.Features.Log;

/// <summary>A tile's bytes for one response: a plain array, or a pooled buffer returned on dispose.</summary>
public sealed class TileBytes : IDisposable
{
    private byte[]? _pooled;

    private TileBytes(byte[] bytes, int length, bool pooled)
    {
        Memory = bytes.AsMemory(0, length);
        _pooled = pooled ? bytes : null;
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public static TileBytes Of(byte[] bytes) => new(bytes, bytes.Length, pooled: false);

    /// <summary>Takes over a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static TileBytes Pooled(byte[] rented, int length) => new(rented, length, pooled: true);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _pooled, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
