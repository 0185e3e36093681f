using System.Buffers;
using BenchmarkDotNet.Attributes;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Security;
using JobTracker.Storage;

namespace JobTracker.Benchmarks;

/// <summary>
/// The store's per-request work at 10,000 and 100,000 jobs: recording a job (Pending, Processing,
/// Completed: three journal lines), looking one up, and the filtered lists <c>GET /sdapi/v1/jobs</c> serves.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private StoreFiles _files = null!;
    private JobStore _store = null!;
    private JobHandlers _handlers = null!;
    private int _next;

    /// <summary>Gets or sets the number of stored jobs.</summary>
    [Params(10_000, 100_000)]
    public int Jobs { get; set; }

    /// <summary>Creates and opens a store of <see cref="Jobs"/> sample jobs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _files = SampleJobs.CreateStore(Jobs);
        _store = JobStore.Open(_files, SilentLog.Instance, TimeProvider.System);
        var output = new OutputFolder(_files.OutputDirectory);
        _handlers = new JobHandlers(_store, new JobDetailsWriter(output, _files.DataDirectory, SilentLog.Instance), new JobGate(_store, () => AccessPolicy.Open), TimeProvider.System);
        _next = Jobs;
    }

    /// <summary>Closes and deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SampleJobs.Delete(_files);
    }

    /// <summary>A tracked request's three changes: queued, started, completed with two images.</summary>
    [Benchmark]
    public object? RecordJob()
    {
        var job = SampleJobs.Job(_next++, Jobs) with { Status = JobStatus.Pending, Images = [], InfoFile = null, Started = null, Finished = null };
        _store.Put(job);
        _store.Update(job.Id, j => j with { Status = JobStatus.Processing });
        return _store.Update(job.Id, j => j with { Status = JobStatus.Completed, Images = [new StoredImage(j.Id + "-0.png", "image/png")] });
    }

    /// <summary>Finding a job by ID.</summary>
    [Benchmark]
    public object? Find() => _store.Find(SampleJobs.Id(Jobs / 2));

    /// <summary><c>GET /sdapi/v1/job/{id}?images=false</c>: lookup and JSON body.</summary>
    [Benchmark]
    public int GetJobWithoutImages()
    {
        _body.ResetWrittenCount();
        _handlers.GetJob(SampleJobs.Id(Jobs / 2), "images=false", null, _body);
        return _body.WrittenCount;
    }

    /// <summary><c>GET /sdapi/v1/jobs?limit=50</c>.</summary>
    [Benchmark]
    public int ListNewest50()
    {
        _body.ResetWrittenCount();
        _handlers.ListJobs("limit=50", null, _body);
        return _body.WrittenCount;
    }

    /// <summary><c>GET /sdapi/v1/jobs?status=failed&amp;limit=50</c> (1 job in 25 failed).</summary>
    [Benchmark]
    public int ListFailed50()
    {
        _body.ResetWrittenCount();
        _handlers.ListJobs("status=failed&limit=50", null, _body);
        return _body.WrittenCount;
    }

    /// <summary><c>GET /sdapi/v1/jobs?ip=10.0.0.7&amp;status=completed&amp;limit=50</c>.</summary>
    [Benchmark]
    public int ListByIpAndStatus50()
    {
        _body.ResetWrittenCount();
        _handlers.ListJobs("ip=10.0.0.7&status=completed&limit=50", null, _body);
        return _body.WrittenCount;
    }

    /// <summary><c>GET /sdapi/v1/jobs?after=…&amp;limit=50</c> with only the newest 10 jobs after the time.</summary>
    [Benchmark]
    public int ListAfterRecent()
    {
        _body.ResetWrittenCount();
        _handlers.ListJobs("after=1767225500&limit=50", null, _body);
        return _body.WrittenCount;
    }
}
