using System.CommandLine;
using Parallax.Cli;
using Parallax.Cli.Commands;

// `parallax`: the command tree. Each command lives in Commands/ and returns an exit code; user errors are one line on
// stderr and never a stack trace.
var root = new RootCommand("Parallax: what news reports of one event agree on, where they differ, and who said what.")
{
    AnalyzeCommand.Create(),
    BenchCommand.Create(),
    LexiconsCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
    ServeCommand.Create(),
};
foreach (var c in StoreCommands.Create()) root.Subcommands.Add(c);
// One set of parsing rules for every command (unknown options, value types, counts ≥ 1, no URLs); a wrong command
// line is one line on stderr and exit code 2, never the help text or a run on misread arguments.
CommandLineRules.Apply(root);
Consoles.Configure();
if (!CommandLineRules.TryParse(root, args, out var parsed, Console.Error)) return CommandLineRules.UsageExitCode;
try
{
    // The default handler would print a stack trace; user errors are caught below, anything else is a bug and should show one.
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (FileNotFoundException e) when (e.Message.StartsWith("not found:", StringComparison.Ordinal))
{
    Console.Error.WriteLine($"parallax: {Parallax.Cli.TerminalText.Clean(e.Message)}");
    return 2;
}
catch (UserError e)
{
    Console.Error.WriteLine($"parallax: {Parallax.Cli.TerminalText.Clean(e.Message)}");
    return e.ExitCode;
}
