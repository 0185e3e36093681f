using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using JobTracker.Images;

namespace JobTracker.Benchmarks;

/// <summary>
/// Storing a finished job's files while its client waits: one 3 KB image and the info JSON, each written whole
/// through a temporary file and a rename, into an output folder that already holds thousands of jobs' files.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 2000)] // bounds the files made
public class JobFilesBenchmarks
{
    private readonly byte[][] _images = [[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[3000]]];
    private readonly string _info = "{\"prompt\": \"a lighthouse at dusk\", \"seed\": 1234, \"steps\": 20, \"width\": 512, \"height\": 512}";
    private string _folder = null!;
    private OutputFolder _output = null!;
    private int _next;

    /// <summary>Creates the output folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("jobtracker-bench-files-").FullName;
        _output = new OutputFolder(Path.Combine(_folder, "output"));
    }

    /// <summary>Deletes it.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>A job's image and info files.</summary>
    [Benchmark]
    public int WriteImageAndInfo() => ImageFiles.WriteAll(_output, SampleJobs.Id(_next++), _images, _info).Images.Count;
}
