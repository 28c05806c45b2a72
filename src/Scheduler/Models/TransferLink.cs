using Oompa.Scheduler.Nodes;

namespace Oompa.Scheduler.Models;

/// <summary>One calibrated directed link of a <see cref="TransferModel"/>, between node identities.</summary>
/// <param name="From">Identity of the source node.</param>
/// <param name="To">Identity of the destination node.</param>
/// <param name="Cost">Latency and bandwidth.</param>
public sealed record TransferLink(string From, string To, LinkCost Cost);
