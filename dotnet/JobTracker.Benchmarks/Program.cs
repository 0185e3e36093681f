using BenchmarkDotNet.Running;

// dotnet run -c Release --project dotnet/JobTracker.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
