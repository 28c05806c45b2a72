namespace Oompa.Cli.FlexAlign;

using Oompa.Samples.FlexAlign.Output;

/// <summary>What one <see cref="FlexAlignRunner"/> run produced.</summary>
/// <param name="Record">The alignment (drifts, settings, sum).</param>
/// <param name="Paths">The files written.</param>
/// <param name="AlignSeconds">Seconds to read, correct, align and sum the frames.</param>
/// <param name="WriteSeconds">Seconds to write the outputs.</param>
internal sealed record FlexAlignRun(AlignmentRecord Record, AlignmentOutputPaths Paths, double AlignSeconds, double WriteSeconds);
