using FsCheck;
using FsCheck.Fluent;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Searchers;

/// <summary>Over random spaces and constraints, every proposal of every searcher satisfies the constraints.</summary>
public class SearcherPropertyTests
{
    [Theory]
    [MemberData(nameof(SearcherProtocolTests.Names), MemberType = typeof(SearcherProtocolTests))]
    public void Every_proposal_is_valid_and_new_and_exhaustion_means_all_were_proposed(string name) =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (RandomSpace.Create(seed) is not { } r)
            {
                return true;
            }

            var valid = r.Valid.ToHashSet();
            var searcher = SearcherProtocolTests.Make(name);
            searcher.Reset(r.Space, seed);
            var proposed = new HashSet<TuningConfiguration>();
            for (var step = 0; step < 400; step++)
            {
                if (searcher.Next() is not { } c)
                {
                    return proposed.SetEquals(valid);
                }

                if (!valid.Contains(c) || !r.Space.Constraints.All(k => k.IsSatisfiedBy(c)) || !proposed.Add(c))
                {
                    return false;
                }

                // Some candidates fail, as crashing or wrong kernels would.
                var h = Landscape.Noise(c.Key + seed);
                searcher.Report(c, h < -0.006
                    ? TuningMeasurement.Failure(TuningStatus.ValidationFailed, "differs from reference")
                    : TuningMeasurement.Success(1 + h));
            }

            return true;
        }).QuickCheckThrowOnFailure();
}
