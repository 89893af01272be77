using System.Diagnostics;

namespace Parallax.Cli.Tests.Support;

/// <summary>Locates the repository and ../shared, and runs the built `parallax` as a child process.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the repository, or null when absent (tests that need it skip).</summary>
    public static string? Shared => Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) return dir.FullName;
        // Built with --artifacts-path outside the repository (parallel builds): fall back to where this file was compiled from.
        for (var dir = new FileInfo(ThisFile()).Directory; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Parallax.slnx) not found above " + AppContext.BaseDirectory);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

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
