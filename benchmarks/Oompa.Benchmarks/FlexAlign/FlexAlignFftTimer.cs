using System.Diagnostics;
using Oompa.Algorithms.Fft;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.FlexAlign;

/// <summary>
/// Times the FFTs the global alignment cannot avoid, through <see cref="FourierTransform"/> (multi-threaded CPU
/// strategy, Estimate plans), batched like the aligner: N forward R2C transforms at full size in batches of FftBatch,
/// then the N(N−1)/2 inverse C2R transforms at the cropped correlation size in the aligner's blocks (within a block:
/// b(b−1)/2 maps; between two blocks: b² maps). Plans and buffers are made once (not timed), so passes can be timed
/// between pipeline runs, under the same machine load.
/// </summary>
internal sealed class FlexAlignFftTimer : IDisposable
{
    private static readonly FourierTransformSettings InverseSettings = FourierTransformSettings.Inverse with { AllowInputOverwrite = true };
    private readonly Transforms forward;
    private readonly Transforms inverse;

    public FlexAlignFftTimer(int width, int height, int frames, int fftBatch, int croppedWidth, int croppedHeight, int block)
    {
        var inverseCounts = new List<int>();
        for (int a = 0; a < frames; a += block)
        {
            int na = Math.Min(block, frames - a);
            for (int b = a; b < frames; b += block)
            {
                int nb = Math.Min(block, frames - b);
                int count = a == b ? na * (na - 1) / 2 : na * nb;
                if (count > 0)
                {
                    inverseCounts.Add(count);
                }
            }
        }

        var forwardCounts = new List<int>();
        for (int first = 0; first < frames; first += fftBatch)
        {
            forwardCounts.Add(Math.Min(fftBatch, frames - first));
        }

        forward = new Transforms(new Size(width, height), forwardCounts, FourierTransformSettings.Forward);
        inverse = new Transforms(new Size(croppedWidth, croppedHeight), inverseCounts, InverseSettings);
    }

    /// <summary>The seconds of one forward and one inverse pass.</summary>
    public (double Forward, double Inverse) Run() => (forward.Time(), inverse.Time());

    public void Dispose()
    {
        forward.Dispose();
        inverse.Dispose();
    }

    /// <summary>Planned transforms of one size for every batch count used, over buffers sized for the largest.</summary>
    private sealed class Transforms : IDisposable
    {
        private readonly List<int> counts;
        private readonly Dictionary<int, (FourierTransform Fft, FourierTransformOutput Output, FourierTransformInput Input)> plans = [];
        private readonly MemoryBlock spatialBlock;
        private readonly MemoryBlock spectrumBlock;

        public Transforms(Size size, List<int> counts, FourierTransformSettings settings)
        {
            this.counts = counts;
            int max = counts.Max();
            var spatialMax = FourierDescriptor.ForSpatial(size.WithN(max));
            var spectrumMax = FourierTransform.OutputDescriptor(spatialMax, FourierTransformSettings.Forward);
            spatialBlock = HostAllocator.Shared.Allocate(spatialMax.ElementCount * DataType.Float32.Size, new AllocationOptions(Zeroed: true));
            spectrumBlock = HostAllocator.Shared.Allocate(spectrumMax.ElementCount * DataType.Complex32.Size, new AllocationOptions(Zeroed: true));
            foreach (int n in counts.Distinct())
            {
                var spatial = FourierDescriptor.ForSpatial(size.WithN(n));
                var spectrum = FourierTransform.OutputDescriptor(spatial, FourierTransformSettings.Forward);
                var real = View(spatialBlock, spatial, DataType.Float32);
                var complex = View(spectrumBlock, spectrum, DataType.Complex32);
                var fft = new FourierTransform(FourierTransformStrategies.Cpu(Oompa.Core.Devices.CpuDevice.Default));
                (FourierTransformOutput Output, FourierTransformInput Input) io = settings.Direction == FourierDirection.Forward
                    ? (new FourierTransformOutput(complex), new FourierTransformInput(real))
                    : (new FourierTransformOutput(View(spatialBlock, FourierTransform.OutputDescriptor(spectrum, settings), DataType.Float32)), new FourierTransformInput(complex));
                fft.Init(io.Output, io.Input, settings).ThrowIfFailed();
                plans[n] = (fft, io.Output, io.Input);
            }
        }

        /// <summary>Seconds to execute every batch once.</summary>
        public double Time()
        {
            var watch = Stopwatch.StartNew();
            foreach (int n in counts)
            {
                var (fft, output, input) = plans[n];
                fft.Execute(output, input);
            }

            return watch.Elapsed.TotalSeconds;
        }

        public void Dispose()
        {
            foreach (var (fft, _, _) in plans.Values)
            {
                fft.Dispose();
            }

            spatialBlock.Dispose();
            spectrumBlock.Dispose();
        }

        private static Payload<FourierDescriptor> View(MemoryBlock block, FourierDescriptor descriptor, DataType type) =>
            new(descriptor, new PhysicalDescriptor(block.Pointer, null, descriptor.ElementCount * type.Size, type, block.Node, block.Pinned), "data");
    }
}
