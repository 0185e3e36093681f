using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JobTracker.Storage;

namespace JobTracker.Benchmarks;

/// <summary>
/// Opening the store at start-up: reading <c>jobs.json</c> with 10,000 or 100,000 jobs (plus a
/// 500-line journal) and building the indexes. The allocated figure approximates the store's memory.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, iterationCount: 10, warmupCount: 1)]
public class StartupBenchmarks
{
    private StoreFiles _files = null!;

    /// <summary>Gets or sets the number of stored jobs.</summary>
    [Params(10_000, 100_000)]
    public int Jobs { get; set; }

    /// <summary>Writes the snapshot and a journal of 500 later changes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _files = SampleJobs.CreateStore(Jobs);
        var store = JobStore.Open(_files, SilentLog.Instance, TimeProvider.System);
        for (var n = 0; n < 500; n++)
        {
            store.Update(SampleJobs.Id(n * 7), j => j with { Prompt = j.Prompt + " (edited)" });
        }

        // Not disposed on purpose, as after a crash: the journal stays for the opens below to replay.
    }

    /// <summary>Open, as at start-up. Not disposed: disposing would compact the journal away.</summary>
    [Benchmark]
    public int Open() => JobStore.Open(_files, SilentLog.Instance, TimeProvider.System).Count;

    /// <summary>Deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => SampleJobs.Delete(_files);
}
