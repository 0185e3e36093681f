using System.Diagnostics;
using BenchmarkDotNet.Running;
using JobTracker.Benchmarks;
using JobTracker.Storage;

// dotnet run -c Release --project dotnet/JobTracker.Benchmarks -- --filter '*'
// dotnet run -c Release --project dotnet/JobTracker.Benchmarks -- cold-open <data folder>
//   one open in a fresh process, cold as at start-up, with the memory it keeps.
if (args is ["cold-open", var folder])
{
    var empty = Environment.WorkingSet;
    var watch = Stopwatch.StartNew();
    var store = JobStore.Open(new StoreFiles(Path.GetFullPath(folder)), SilentLog.Instance, TimeProvider.System);
    var elapsed = watch.ElapsedMilliseconds;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    Thread.Sleep(2000); // lets the background collection the store starts after a large load finish
    Console.WriteLine($"opened {store.Count} jobs in {elapsed} ms; resident memory +{(Environment.WorkingSet - empty) / 1_000_000} MB; " +
                      $"live managed memory {GC.GetTotalMemory(forceFullCollection: true) / 1_000_000} MB; allocated while opening {allocated / 1_000_000} MB");
    GC.KeepAlive(store);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
