namespace Parallax.Cli.Commands;

/// <summary>A mistake in what the user asked for or gave: printed as one line, never as a stack trace.</summary>
internal sealed class UserError(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
