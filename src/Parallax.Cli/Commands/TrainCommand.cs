using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax train …</c>: trains the models the pipeline ships, from the train splits in ../shared/data.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train a model from the open corpora (train splits only)")
    {
        // One line per trainable model; each lives in its own file.
        TrainNerCommand.Create(),
    };
}
