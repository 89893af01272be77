using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval …</c>: each capability scored against an open data set in ../shared/data.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Score a capability against an open data set in ../shared/data")
    {
        // One line per evaluation; each lives in its own file.
        EvalNerCommand.Create(),
        EvalEntitiesCommand.Create(),
        EvalSentencesCommand.Create(),
        EvalQuotesCommand.Create(),
        EvalFactsCommand.Create(),
        EvalExtractCommand.Create(),
        EvalStoriesCommand.Create(),
    };

    /// <summary>The --shared option every evaluation takes.</summary>
    public static Option<string> SharedOption() =>
        new("--shared") { Description = "The shared folder holding data/", DefaultValueFactory = _ => "../shared" };
}
