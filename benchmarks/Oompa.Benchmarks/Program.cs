using BenchmarkDotNet.Running;
using Oompa.Benchmarks.Harness;

// ./oompa bench <what> runs a curated benchmark (last line JSON); anything else goes to BenchmarkDotNet, e.g.
//   dotnet run -c Release --project benchmarks/Oompa.Benchmarks -- --filter '*Fft*'
if (BenchCommands.TryRun(args, out int exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
