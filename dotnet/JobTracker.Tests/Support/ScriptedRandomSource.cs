using JobTracker.Ids;

namespace JobTracker.Tests.Support;

/// <summary>Hands out a scripted byte stream, so tests decide which IDs are drawn.</summary>
internal sealed class ScriptedRandomSource : IRandomSource
{
    private readonly Queue<byte> _bytes = new();

    public int Remaining => _bytes.Count;

    /// <summary>A source that yields exactly these IDs, in order.</summary>
    public static ScriptedRandomSource ForIds(params string[] ids)
    {
        var source = new ScriptedRandomSource();
        foreach (var id in ids)
        {
            source.AddId(id);
        }

        return source;
    }

    public void AddId(string id)
    {
        foreach (var c in id)
        {
            _bytes.Enqueue((byte)JobId.Alphabet.IndexOf(c, StringComparison.Ordinal));
        }
    }

    public void AddBytes(params byte[] bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Enqueue(b);
        }
    }

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            if (!_bytes.TryDequeue(out buffer[i]))
            {
                throw new InvalidOperationException("the scripted random source ran dry");
            }
        }
    }
}
