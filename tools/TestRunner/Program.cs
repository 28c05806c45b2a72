// Oompa.TestRunner: runs xunit v2 test assemblies in this process with the .NET runtime alone.
//
//   dotnet Oompa.TestRunner.dll [--filter TEXT]... [--exclude TEXT]... [--list] [--verbose] ASSEMBLY.dll...
//
// A test runs when its class-qualified name ("Namespace.Class.Method") or display name contains one of the --filter
// texts (every test when none is given) and none of the --exclude texts. Failures are printed with their messages and
// stack traces; the last line is "N passed, N failed, N skipped" summed over the assemblies; the exit code is 1 when a
// test failed or an assembly could not be run, 2 on a usage error.
using System.Globalization;
using Oompa.TestRunner;

var options = RunnerOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

var total = new TestCounts();
bool broken = false;
foreach (string path in options.Assemblies)
{
    try
    {
        TestCounts counts = AssemblyRun.Run(Path.GetFullPath(path), options);
        total.Add(counts);
    }
    catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
    {
        Console.Error.WriteLine($"{path}: could not be run: {e.Message}");
        broken = true;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total.Passed} passed, {total.Failed} failed, {total.Skipped} skipped"));
return total.Failed > 0 || broken ? 1 : 0;
