using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Oompa.TestRunner;

/// <summary>Options with xunit's defaults: every value unset.</summary>
internal sealed class FrameworkOptions : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly ConcurrentDictionary<string, object?> _values = new();

    public TValue GetValue<TValue>(string name) =>
        _values.TryGetValue(name, out object? value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}

/// <summary>Prints the framework's diagnostic messages.</summary>
internal sealed class DiagnosticSink : IMessageSink
{
    public bool OnMessage(IMessageSinkMessage message)
    {
        if (message is IDiagnosticMessage diagnostic) Console.Error.WriteLine($"xunit: {diagnostic.Message}");
        return true;
    }
}

/// <summary>Collects discovered test cases until discovery completes.</summary>
internal sealed class DiscoverySink : IMessageSink
{
    public List<ITestCase> TestCases { get; } = [];
    public ManualResetEvent Finished { get; } = new(false);

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestCaseDiscoveryMessage found:
                lock (TestCases) TestCases.Add(found.TestCase);
                break;
            case IDiscoveryCompleteMessage:
                Finished.Set();
                break;
        }
        return true;
    }
}

/// <summary>Counts results, prints failures (and every result when verbose) until the assembly finishes.</summary>
internal sealed class ExecutionSink(TestCounts counts, bool verbose) : IMessageSink
{
    private static readonly Lock Console_ = new();

    public ManualResetEvent Finished { get; } = new(false);

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestPassed passed:
                counts.Pass();
                if (verbose) Write($"  pass {passed.Test.DisplayName} ({passed.ExecutionTime:F2} s)");
                break;
            case ITestFailed failed:
                counts.Fail();
                Write($"  FAIL {failed.Test.DisplayName} ({failed.ExecutionTime:F2} s)\n" + Describe(failed));
                break;
            case ITestSkipped skipped:
                counts.Skip();
                if (verbose) Write($"  skip {skipped.Test.DisplayName}: {skipped.Reason}");
                break;
            case IErrorMessage error:
                counts.Fail();
                Write("  ERROR " + Describe(error));
                break;
            case ITestAssemblyCleanupFailure or ITestCollectionCleanupFailure or ITestClassCleanupFailure
                or ITestCaseCleanupFailure or ITestMethodCleanupFailure or ITestCleanupFailure:
                counts.Fail();
                Write("  CLEANUP FAILURE " + Describe((IFailureInformation)message));
                break;
            case ITestAssemblyFinished:
                Finished.Set();
                break;
        }
        return true;
    }

    private static string Describe(IFailureInformation failure)
    {
        var lines = new List<string>();
        for (int i = 0; i < failure.Messages.Length; i++)
        {
            lines.Add($"    {failure.ExceptionTypes[i]}: {failure.Messages[i]}");
            if (failure.StackTraces[i] is { Length: > 0 } trace)
                lines.AddRange(trace.Split('\n').Take(12).Select(l => "      " + l.TrimEnd()));
        }
        return string.Join('\n', lines);
    }

    private static void Write(string text)
    {
        lock (Console_) Console.WriteLine(text);
    }
}
