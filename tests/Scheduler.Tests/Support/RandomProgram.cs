using FsCheck;
using FsCheck.Fluent;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>
/// A random program over small arrays of doubles: each step reads, writes or read-writes up to three arrays (and may
/// use a scratch buffer). Values stay below 2^53 so double arithmetic is exact and any execution order that respects
/// the dependencies gives the same bits as sequential execution.
/// </summary>
internal sealed record RandomProgram(int Seed, int Arrays, int Length, IReadOnlyList<RandomProgram.Step> Steps)
{
    public const double Modulus = 1_000_003;

    public static RandomProgram Create(int seed, int arrays, int steps, int length = 8)
    {
        var random = new Random(seed);
        var modes = new[] { AccessMode.Read, AccessMode.Write, AccessMode.ReadWrite };
        var list = new List<Step>();
        for (int s = 0; s < steps; s++)
        {
            int count = 1 + random.Next(Math.Min(3, arrays));
            var chosen = new List<int>();
            while (chosen.Count < count)
            {
                int a = random.Next(arrays);
                if (!chosen.Contains(a))
                {
                    chosen.Add(a);
                }
            }

            list.Add(new Step(s + 1, [.. chosen.Select(a => (a, modes[random.Next(modes.Length)]))], random.Next(4) == 0, random.Next(3) - 1));
        }

        return new RandomProgram(seed, arrays, length, list);
    }

    public static double Initial(int array, int i) => (array * 131) + i + 1;

    /// <summary>The expected arrays: the steps run one after the other.</summary>
    /// <summary>
    /// The FsCheck property every runtime test states: for random programs (seed, 1–6 arrays, 1–24 steps, a memory-limit
    /// class 0–4 passed to <paramref name="run"/>), the arrays <paramref name="run"/> returns equal those of sequential
    /// execution; 20 cases.
    /// </summary>
    public static void AssertMatchesSequential(Func<RandomProgram, int, double[][]> run)
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from arrays in Gen.Choose(1, 6)
            from steps in Gen.Choose(1, 24)
            from limit in Gen.Choose(0, 4)
            select (seed, arrays, steps, limit);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var program = Create(c.seed, c.arrays, c.steps);
            var actual = run(program, c.limit);
            var expected = program.RunSequentially();
            for (int a = 0; a < c.arrays; a++)
            {
                Assert.Equal(expected[a], actual[a]);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    public double[][] RunSequentially()
    {
        var data = Enumerable.Range(0, Arrays).Select(a => Enumerable.Range(0, Length).Select(i => Initial(a, i)).ToArray()).ToArray();
        foreach (var step in Steps)
        {
            step.Apply(u => data[step.Uses[u].Array]);
        }

        return data;
    }

    /// <summary>The data of use <c>u</c> of a step.</summary>
    internal delegate Span<double> SpanOf(int use);

    /// <summary>One step: its arrays and modes, whether it also uses a scratch buffer, and its priority.</summary>
    internal sealed record Step(int Id, IReadOnlyList<(int Array, AccessMode Mode)> Uses, bool Scratch, int Priority)
    {
        /// <summary>The step's arithmetic on spans given in the order of <see cref="Uses"/>.</summary>
        public void Apply(SpanOf spans)
        {
            double sum = Id;
            for (int u = 0; u < Uses.Count; u++)
            {
                if (Uses[u].Mode != AccessMode.Write)
                {
                    foreach (double v in spans(u))
                    {
                        sum = (sum + v) % Modulus;
                    }
                }
            }

            for (int u = 0; u < Uses.Count; u++)
            {
                var x = spans(u);
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = Uses[u].Mode switch
                    {
                        AccessMode.Write => ((sum * 31) + (i * 7) + Id) % Modulus,
                        AccessMode.ReadWrite => ((x[i] * 3) + sum + i) % Modulus,
                        _ => x[i],
                    };
                }
            }
        }

        /// <summary>The same arithmetic inside a task (scratch, when used, is the last access).</summary>
        public void Run(TaskContext context)
        {
            if (Scratch)
            {
                var scratch = Kernels.Doubles(context, Uses.Count);
                scratch.Fill(Id);
                foreach (double v in scratch)
                {
                    if (v != Id)
                    {
                        throw new InvalidOperationException("A scratch buffer changed under its task.");
                    }
                }
            }

            Apply(u => Kernels.Doubles(context, u));
        }
    }
}
