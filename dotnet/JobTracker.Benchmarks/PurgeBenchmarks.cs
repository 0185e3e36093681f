using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JobTracker.Images;
using JobTracker.Retention;
using JobTracker.Storage;

namespace JobTracker.Benchmarks;

/// <summary>
/// A retention purge that removes the oldest 1,000 jobs (and their image files) from a store of
/// 10,000 or 100,000 jobs. Each iteration puts the 1,000 jobs and their files back first (not timed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, iterationCount: 15, warmupCount: 2)]
public class PurgeBenchmarks
{
    private const int Expired = 1_000;
    private StoreFiles _files = null!;
    private JobStore _store = null!;
    private RetentionPurger _purger = null!;
    private FixedClock _clock = null!;

    /// <summary>Gets or sets the number of stored jobs.</summary>
    [Params(10_000, 100_000)]
    public int Jobs { get; set; }

    /// <summary>Creates and opens the store; the clock stands where the oldest 1,000 jobs are just past a 1-day retention.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _files = SampleJobs.CreateStore(Jobs);
        _store = JobStore.Open(_files, SilentLog.Instance, TimeProvider.System);
        var firstKept = SampleJobs.Job(Expired, Jobs).CreationTime();
        _clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds((long)((firstKept + 86_400 - 0.001) * 1000)));
        _purger = new RetentionPurger(_store, new OutputFolder(_files.OutputDirectory), _clock, SilentLog.Instance);
    }

    /// <summary>Puts the oldest jobs and their files back.</summary>
    [IterationSetup]
    public void Refill()
    {
        for (var n = 0; n < Expired; n++)
        {
            var job = SampleJobs.Job(n, Jobs);
            _store.Put(job);
            foreach (var image in job.Images)
            {
                File.WriteAllBytes(Path.Combine(_files.OutputDirectory, image.File), [0x89, 0x50, 0x4E, 0x47]);
            }
        }
    }

    /// <summary>The purge.</summary>
    [Benchmark]
    public object Purge() => _purger.Purge(1);

    /// <summary>Closes and deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SampleJobs.Delete(_files);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
