namespace Oompa.Cli;

/// <summary>The <c>oompa</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => OompaApp.Run(args, Console.Out, Console.Error);
}
