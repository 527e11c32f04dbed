using System.Buffers;

namespace Vigie.Cli.Http;

/// <summary>
/// A response body in a buffer rented from the shared pool; disposing returns it. A verifier
/// downloads thousands of tiles, and pooling keeps them from churning the large-object heap.
/// </summary>
internal sealed class PooledBytes(byte[] buffer, int length, long declaredLength) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>The body, or its first <c>maxBytes</c> when <see cref="IsTooLarge"/>.</summary>
    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, length);

    /// <summary>The body was longer than the caller allowed, and was not read further.</summary>
    public bool IsTooLarge => declaredLength > length;

    /// <summary>The body's length as the server declared it (or as read, when it declared none).</summary>
    public long DeclaredLength => declaredLength;

    public void Dispose()
    {
        if (_buffer is { } rented)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
