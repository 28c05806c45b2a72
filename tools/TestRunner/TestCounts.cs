namespace Oompa.TestRunner;

/// <summary>Passed, failed and skipped tests; thread-safe increments.</summary>
internal sealed class TestCounts
{
    private int _passed, _failed, _skipped;

    public int Passed => _passed;
    public int Failed => _failed;
    public int Skipped => _skipped;

    public void Pass() => Interlocked.Increment(ref _passed);
    public void Fail() => Interlocked.Increment(ref _failed);
    public void Skip() => Interlocked.Increment(ref _skipped);

    public void Add(TestCounts other)
    {
        _passed += other.Passed;
        _failed += other.Failed;
        _skipped += other.Skipped;
    }
}
