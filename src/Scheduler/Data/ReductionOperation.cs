using Oompa.Core.Data;

namespace Oompa.Scheduler.Data;

/// <summary>
/// How reduction-mode accesses to a handle accumulate: every worker gets a private copy prepared by
/// <see cref="Init"/> (the identity, for example zeros), reduction tasks accumulate into it, and each private copy is
/// folded into the data by <see cref="Combine"/>. Both run on host payloads of the handle's descriptor.
/// </summary>
/// <param name="Init">Sets a private copy to the identity of the reduction.</param>
/// <param name="Combine">Folds a private copy (second argument) into the data (first argument).</param>
public sealed record ReductionOperation(Action<IPayload> Init, Action<IPayload, IPayload> Combine);
