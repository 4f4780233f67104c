using BenchmarkDotNet.Running;
using HaSim.Benchmarks;

// dotnet run -c Release --project bench/HaSim.Benchmarks -- --filter '*'       BenchmarkDotNet
// dotnet run -c Release --project bench/HaSim.Benchmarks -- --quick [rounds] [name filter]   one run per model, fast
// dotnet run -c Release --project bench/HaSim.Benchmarks -- --presets [replications] [preset filter]   Monte Carlo per CPU-second
// dotnet run -c Release --project bench/HaSim.Benchmarks -- --worker-cpu [replications] [rounds] [preset filter]   a second thread's CPU: workers' own and the process's
if (args.Length > 0 && args[0] == "--presets")
{
    int replications = args.Length > 1 && int.TryParse(args[1], out int n) && n > 0 ? n : 200;
    return PresetQuickRun.Run(replications, args.Length > 2 ? args[2] : null);
}

if (args.Length > 0 && args[0] == "--worker-cpu")
{
    int replications = args.Length > 1 && int.TryParse(args[1], out int n) && n > 0 ? n : 500;
    int rounds = args.Length > 2 && int.TryParse(args[2], out int r) && r > 0 ? r : 5;
    return WorkerCpuRun.Run(replications, rounds, args.Length > 3 ? args[3] : null);
}

if (args.Length > 0 && args[0] == "--quick")
{
    int rounds = args.Length > 1 && int.TryParse(args[1], out int r) && r > 0 ? r : 3;
    return QuickRun.Run(rounds, args.Length > 2 ? args[2] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(ModelBenchmarks).Assembly).Run(args);
return 0;
