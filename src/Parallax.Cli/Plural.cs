using System.Globalization;
using Spectre.Console;

namespace Parallax.Cli;

/// <summary>Counts in words with the right noun ("1 story", "2 stories", "1,204 documents").</summary>
internal static class Plural
{
    public static string Count(long n, string one, string many) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}

/// <summary>The consoles commands print to. Redirected output is never wrapped: a warning stays one line in a log, so
/// it can be read by grep and other tools.</summary>
internal static class Consoles
{
    /// <summary>Width used when a stream is not a terminal: wide enough that no message wraps.</summary>
    private const int Unwrapped = 4096;

    /// <summary>Standard error as a Spectre console (markup for warnings and progress).</summary>
    public static IAnsiConsole Error()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = Unwrapped;
        return console;
    }

    /// <summary>Called once at start-up: standard output unwrapped when redirected.</summary>
    public static void Configure()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Unwrapped;
    }
}
