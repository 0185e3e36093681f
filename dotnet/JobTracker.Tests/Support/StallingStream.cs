namespace JobTracker.Tests.Support;

/// <summary>A journal file on a disk that stalls: the first write blocks until <see cref="Release"/>, the rest go through.</summary>
internal sealed class StallingStream(string path) : Stream
{
    private readonly FileStream _file = new(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
    private readonly ManualResetEventSlim _released = new();
    private readonly ManualResetEventSlim _entered = new();
    private int _stalled;

    /// <summary>Gets the event set once a write is stalled.</summary>
    public ManualResetEventSlim Entered => _entered;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position { get => _file.Position; set => throw new NotSupportedException(); }

    public void Release() => _released.Set();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Interlocked.Exchange(ref _stalled, 1) == 0)
        {
            _entered.Set();
            if (!_released.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new IOException("the test never released the stalled write");
            }
        }

        _file.Write(buffer);
    }

    public override void Flush() => _file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _released.Dispose();
            _entered.Dispose();
        }

        base.Dispose(disposing);
    }
}
