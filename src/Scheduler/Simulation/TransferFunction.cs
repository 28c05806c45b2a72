using Oompa.Core.Data;

namespace Oompa.Scheduler.Simulation;

/// <summary>Simulated seconds to copy <paramref name="bytes"/> bytes from one memory node to another (one of them the host).</summary>
public delegate double TransferFunction(MemoryNode from, MemoryNode to, long bytes);
