using System.Runtime.CompilerServices;

namespace Parallax.Testing;

/// <summary>
/// The repository root (the folder holding Parallax.slnx) and ../shared beside it, for every test project. The root is
/// searched upwards from the test binaries, then from where this file was compiled (binaries built with
/// --artifacts-path live outside the repository), then from the working directory. Compiled into each test project by
/// tests/Directory.Build.props.
/// </summary>
internal static class RepositoryPaths
{
    public static string? Root { get; } = Find();

    /// <summary>../shared beside the repository, or null when absent.</summary>
    public static string? Shared =>
        Root is not null && Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    /// <summary>A path under ../shared, or a skip of the current test naming what is missing.</summary>
    public static string RequireShared(string relative)
    {
        Assert.SkipWhen(Shared is null, "../shared (next to the repository root) is absent; shared-data tests skipped.");
        var path = Path.Combine(Shared!, relative);
        Assert.SkipUnless(Directory.Exists(path) || File.Exists(path), $"{path} is absent; test skipped.");
        return path;
    }

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory() })
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) return dir.FullName;
        return null;
    }
}
