using System.CommandLine;
using Parallax.Eval.Lexicons;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax lexicons</c>: rebuilds the committed gazetteer files from ../shared.</summary>
internal static class LexiconsCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "The shared folder holding data/gazetteers", DefaultValueFactory = _ => "../shared" };
        var output = new Option<string>("--out") { Description = "Where to write the lexicon files", DefaultValueFactory = _ => "src/Parallax.Analysis/Entities/Lexicons" };
        var countries = new Option<string>("--countries-out") { Description = "Where to write the country names the entity merger embeds", DefaultValueFactory = _ => "src/Parallax.Stories/Entities/Lexicons" };
        var command = new Command("lexicons", "Rebuild the gazetteer files the entity recogniser and merger embed") { shared, output, countries };
        command.SetAction(r => LexiconBuilder.Build(r.GetValue(shared)!, r.GetValue(output)!, r.GetValue(countries)!));
        return command;
    }
}
