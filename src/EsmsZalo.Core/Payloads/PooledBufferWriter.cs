using System;
using System.Buffers;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>An <see cref="IBufferWriter{T}"/> over ArrayPool arrays: request bodies are built without per-request garbage.</summary>
    public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer;
        private int _written;

        public PooledBufferWriter(int initialCapacity = 4096)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        }

        public int WrittenCount => _written;
        public ReadOnlyMemory<byte> WrittenMemory => new ReadOnlyMemory<byte>(_buffer, 0, _written);
        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _written);
        internal byte[] RawBuffer => _buffer;

        public void Clear() => _written = 0;

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
            _written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            if (sizeHint < 1) sizeHint = 256;
            if (_buffer.Length - _written >= sizeHint) return;
            int size = Math.Max(_buffer.Length * 2, _written + sizeHint);
            var bigger = ArrayPool<byte>.Shared.Rent(size);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _written);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        public byte[] ToArray() => WrittenSpan.ToArray();

        public void Dispose()
        {
            var b = _buffer;
            _buffer = Array.Empty<byte>();
            _written = 0;
            if (b.Length > 0) ArrayPool<byte>.Shared.Return(b);
        }
    }
}
