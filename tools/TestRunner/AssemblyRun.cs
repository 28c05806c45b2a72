using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Oompa.TestRunner;

/// <summary>Discovers and runs the selected tests of one assembly with xunit's own test framework.</summary>
internal static class AssemblyRun
{
    public static TestCounts Run(string path, RunnerOptions options)
    {
        if (!File.Exists(path)) throw new IOException($"no such file {path}");
        string directory = Path.GetDirectoryName(path)!;
        // Test outputs carry every dependency beside the assembly; resolve from there.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        Assembly assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        string name = assembly.GetName().Name ?? path;
        Directory.SetCurrentDirectory(directory);

        var diagnostics = new DiagnosticSink();
        using var framework = new XunitTestFramework(diagnostics);
        var discovery = new DiscoverySink();
        using (var discoverer = framework.GetDiscoverer(new ReflectionAssemblyInfo(assembly)))
        {
            discoverer.Find(includeSourceInformation: false, discovery, new FrameworkOptions());
            discovery.Finished.WaitOne();
        }
        var selected = discovery.TestCases
            .Where(c => options.Selects(QualifiedName(c), c.DisplayName))
            .ToList();
        Console.WriteLine($"{name}: {selected.Count} of {discovery.TestCases.Count} test cases selected");
        var counts = new TestCounts();
        if (options.List)
        {
            foreach (var testCase in selected) Console.WriteLine($"  {testCase.DisplayName}");
            return counts;
        }
        if (selected.Count == 0) return counts;

        var watch = Stopwatch.StartNew();
        var execution = new ExecutionSink(counts, options.Verbose);
        using (var executor = framework.GetExecutor(assembly.GetName()))
        {
            executor.RunTests(selected, execution, new FrameworkOptions());
            execution.Finished.WaitOne();
        }
        Console.WriteLine(
            $"{name}: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped in {watch.Elapsed.TotalSeconds:F1} s");
        return counts;
    }

    private static string QualifiedName(ITestCase testCase) =>
        testCase.TestMethod.TestClass.Class.Name + "." + testCase.TestMethod.Method.Name;
}
