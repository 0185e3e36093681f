using BenchmarkDotNet.Attributes;
using JobTracker.Ids;

namespace JobTracker.Benchmarks;

/// <summary>Drawing a job ID from the cryptographic source, and claiming a free one against 100,000 taken.</summary>
[MemoryDiagnoser]
public class IdBenchmarks
{
    private readonly JobIdGenerator _ids = new(CryptoRandomSource.Instance);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Fills the taken set.</summary>
    [GlobalSetup]
    public void Setup()
    {
        while (_taken.Count < 100_000)
        {
            _taken.Add(_ids.Draw());
        }
    }

    /// <summary>One draw.</summary>
    [Benchmark]
    public string Draw() => _ids.Draw();

    /// <summary>A draw checked against 100,000 existing IDs (as a new job's ID is).</summary>
    [Benchmark]
    public string NextFreeAmong100k() => _ids.Next(id => !_taken.Contains(id));
}
