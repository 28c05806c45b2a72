using System.Runtime.InteropServices;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>
/// Evaluating one tuning candidate: scratch copies of the outputs taken before the user's run, timed runs on a work copy
/// refreshed from the snapshot before each (so every run sees the original data, and copies stay outside the timed
/// window), a final run on the snapshot that is validated against the user's outputs.
/// </summary>
internal abstract partial class OpenClStrategy<TOut, TIn, TSettings>
{
    /// <summary>Timed runs of a candidate after one untimed warm-up (the first run of a kernel may include the driver's
    /// lazy compilation); the median counts. 3 by default.</summary>
    protected virtual int TuningRepetitions => 3;

    /// <summary>
    /// Copies every output buffer into its snapshot buffer before the user's run. One snapshot and one work buffer per
    /// output member are kept until tuning ends; members sharing a buffer share them. Null when there is no memory.
    /// </summary>
    private List<Copy>? Snapshot(TOut output, TuningConfiguration candidate, TuningLease tuning, ref bool reported)
    {
        var copies = new List<Copy>();
        try
        {
            var members = output.Members;
            for (int i = 0; i < members.Count; i++)
            {
                if (members[i].Payload is not { } payload)
                {
                    continue;
                }

                var original = Buffer(payload);
                var shared = copies.Find(c => ReferenceEquals(c.Original, original));
                if (shared is not null)
                {
                    copies.Add(shared with { Payload = payload, Shared = true });
                    continue;
                }

                while (scratch.Count <= i)
                {
                    scratch.Add(null);
                }

                if (scratch[i] is not { } pair || pair.Snapshot.Bytes < original.Bytes)
                {
                    scratch[i]?.Dispose();
                    scratch[i] = null;
                    var snapshot = Device.Allocator.AllocateBuffer(original.Bytes);
                    try
                    {
                        pair = new ScratchPair(snapshot, Device.Allocator.AllocateBuffer(original.Bytes));
                    }
                    catch
                    {
                        snapshot.Dispose();
                        throw;
                    }

                    scratch[i] = pair;
                }

                Queue.Copy(original, 0, pair.Snapshot, 0, original.Bytes);
                copies.Add(new Copy(payload, original, pair.Snapshot, pair.Work, Shared: false));
            }

            return copies;
        }
        catch (OutOfMemoryException e)
        {
            ReleaseScratch();
            reported = true;
            tuning.Report(candidate, TuningMeasurement.Failure(TuningStatus.DeviceLimitsExceeded, $"no device memory for scratch copies of the outputs: {e.Message}"));
            tuning.StopTuning($"no device memory for scratch copies of the outputs ({e.Message})");
            return null;
        }
    }

    private TuningMeasurement Evaluate(TOut output, TIn input, TuningConfiguration candidate, List<Copy> copies)
    {
        var reasons = new List<string>();
        try
        {
            if (!TrySwitch(output, input, candidate, reasons))
            {
                return TuningMeasurement.Failure(TuningStatus.DeviceLimitsExceeded, string.Join("; ", reasons));
            }

            double seconds = TimeCandidate(output, input, copies);
            string? problem = Validate(copies);
            return problem is null ? TuningMeasurement.Success(seconds) : TuningMeasurement.Failure(TuningStatus.ValidationFailed, problem);
        }
        catch (OpenClBuildException e)
        {
            return TuningMeasurement.Failure(TuningStatus.CompilationFailed, e.Message);
        }
#pragma warning disable CA1031 // A candidate that crashes is a failed candidate; the user's outputs are already computed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return TuningMeasurement.Failure(TuningStatus.ComputationFailed, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            substitutes.Clear();
        }
    }

    /// <summary>
    /// Holding the device's lock: a warm-up and <see cref="TuningRepetitions"/> timed runs on the work copies (each
    /// refreshed from the snapshot before its opening marker), then the run on the snapshot that is validated.
    /// Returns the median of the timed runs in seconds.
    /// </summary>
    private double TimeCandidate(TOut output, TIn input, List<Copy> copies)
    {
        int repetitions = Math.Max(1, TuningRepetitions);
        var samples = new double[repetitions];
        Queue.Finish();
        using (DeviceLocks.Acquire(Device.Identity))
        {
            for (int r = 0; r <= repetitions; r++)
            {
                substitutes.Clear();
                foreach (var copy in copies.Where(c => !c.Shared))
                {
                    Queue.Copy(copy.Snapshot, 0, copy.Work, 0, copy.Original.Bytes);
                    substitutes[copy.Original] = copy.Work;
                }

                using var before = Queue.Marker();
                Run(output, input);
                using var after = Queue.Marker();
                ulong start = before.Times().Ended;
                ulong end = after.Times().Ended;
                if (r > 0)
                {
                    samples[r - 1] = end > start ? (end - start) / 1e9 : 0;
                }
            }

            substitutes.Clear();
            foreach (var copy in copies)
            {
                substitutes[copy.Original] = copy.Snapshot;
            }

            Run(output, input);
            substitutes.Clear();
            Queue.Finish();
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    /// <summary>Compares each output member's result on the snapshot with the user's result of the same execution.</summary>
    private string? Validate(List<Copy> copies)
    {
        foreach (var copy in copies)
        {
            int bytes = checked((int)copy.Payload.RequiredBytes);
            var reference = GC.AllocateUninitializedArray<byte>(bytes, pinned: true);
            var candidate = GC.AllocateUninitializedArray<byte>(bytes, pinned: true);
            Queue.Read(copy.Original, 0, Marshal.UnsafeAddrOfPinnedArrayElement(reference, 0), bytes, blocking: true);
            Queue.Read(copy.Snapshot, 0, Marshal.UnsafeAddrOfPinnedArrayElement(candidate, 0), bytes, blocking: true);
            if (OutputComparison.Difference(reference, candidate, copy.Payload.Physical.Type, TuningTolerance, $"output '{copy.Payload.Name}'") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private void ReleaseScratch()
    {
        foreach (var pair in scratch)
        {
            pair?.Dispose();
        }

        scratch.Clear();
    }

    /// <summary>An output member, the buffer the user's run writes, its snapshot (validated run) and work copy (timed runs).</summary>
    private sealed record Copy(IPayload Payload, OpenClBuffer Original, OpenClBuffer Snapshot, OpenClBuffer Work, bool Shared);

    /// <summary>The scratch buffers of one output member.</summary>
    private sealed record ScratchPair(OpenClBuffer Snapshot, OpenClBuffer Work) : IDisposable
    {
        public void Dispose()
        {
            Snapshot.Dispose();
            Work.Dispose();
        }
    }
}
