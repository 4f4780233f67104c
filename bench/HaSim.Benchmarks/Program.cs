using BenchmarkDotNet.Running;
using HaSim.Benchmarks;

// dotnet run -c Release --project bench/HaSim.Benchmarks -- --filter '*'       BenchmarkDotNet
// dotnet run -c Release --project bench/HaSim.Benchmarks -- --quick [rounds] [name filter]   one run per model, fast
if (args.Length > 0 && args[0] == "--quick")
{
    int rounds = args.Length > 1 && int.TryParse(args[1], out int r) && r > 0 ? r : 3;
    return QuickRun.Run(rounds, args.Length > 2 ? args[2] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(ModelBenchmarks).Assembly).Run(args);
return 0;
