namespace Oompa.Benchmarks.OpenCl;

/// <summary>One kernel measurement: what it does, the bytes it must read and write, and how to enqueue one run.</summary>
/// <param name="Name">The kernel or algorithm, as printed and as the JSON key.</param>
/// <param name="Shape">The problem, for the report.</param>
/// <param name="Bytes">Bytes the operation must move at least (reads plus writes), for effective bandwidth.</param>
/// <param name="Enqueue">Enqueues one run on the device's compute queue without waiting.</param>
/// <param name="Release">Releases payloads and algorithms.</param>
internal sealed record OpenClBenchCase(string Name, string Shape, long Bytes, Action Enqueue, Action Release);
