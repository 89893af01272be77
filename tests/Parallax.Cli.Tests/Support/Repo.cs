using System.Diagnostics;

namespace Parallax.Cli.Tests.Support;

/// <summary>Locates the repository and ../shared, and runs the built `parallax` as a child process.</summary>
public static class Repo
{
    public static string Root { get; } = RepositoryPaths.Root
        ?? throw new InvalidOperationException("repository root (Parallax.slnx) not found above " + AppContext.BaseDirectory);

    /// <summary>../shared beside the repository, or null when absent (tests that need it skip).</summary>
    public static string? Shared => RepositoryPaths.Shared;

    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Parallax(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "parallax.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException("parallax did not finish in 3 minutes"); }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parallax-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
