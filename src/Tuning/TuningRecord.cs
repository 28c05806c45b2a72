using Oompa.Tuning.Spaces;

namespace Oompa.Tuning;

/// <summary>One evaluated configuration in a tuning history.</summary>
/// <param name="Sequence">The position in the history, from 0.</param>
/// <param name="Configuration">The configuration evaluated.</param>
/// <param name="Measurement">Its outcome.</param>
public sealed record TuningRecord(int Sequence, TuningConfiguration Configuration, TuningMeasurement Measurement);
