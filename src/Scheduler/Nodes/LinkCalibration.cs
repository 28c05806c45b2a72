namespace Oompa.Scheduler.Nodes;

/// <summary>The measured costs of both directions between the host and one node.</summary>
/// <param name="HostToNode">Host to node.</param>
/// <param name="NodeToHost">Node to host.</param>
public sealed record LinkCalibration(LinkCost HostToNode, LinkCost NodeToHost);
