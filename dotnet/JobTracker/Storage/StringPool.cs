using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace JobTracker.Storage;

/// <summary>
/// Shares the instances of short, often repeated strings (client addresses, users, negative prompts)
/// while the store loads, so 100,000 jobs from a few clients do not hold 100,000 copies of each.
/// Lookups decode into a stack buffer, so a repeated value costs no allocation at all.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values are not pooled.</summary>
    public const int MaxPooledLength = 256;

    private readonly int _capacity;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool(int capacity = 4096)
    {
        _capacity = capacity;
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The value of the string token the reader is on; throws <see cref="InvalidOperationException"/> for invalid UTF-8 as <see cref="Utf8JsonReader.GetString"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > MaxPooledLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        if (Encoding.UTF8.GetCharCount(raw) > MaxPooledLength || !System.Text.Unicode.Utf8.IsValid(raw))
        {
            return reader.GetString()!;
        }

        var length = Encoding.UTF8.GetChars(raw, chars);
        var text = chars[..length];
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = new string(text);
        if (_pool.Count < _capacity)
        {
            _pool[value] = value;
        }

        return value;
    }
}
