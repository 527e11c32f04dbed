namespace Vigie.Core.Json;

/// <summary>
/// A growable byte buffer that can be cut back, so object members can be written in place and
/// rewritten only when their input order was not already the canonical one.
/// </summary>
internal sealed class JcsBuffer(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Write(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteAscii(string ascii)
    {
        Ensure(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            _bytes[Length++] = (byte)ascii[i];
        }
    }

    public void Truncate(int length) => Length = length;

    public byte[] ToArray() => Written.ToArray();

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
        }
    }
}
