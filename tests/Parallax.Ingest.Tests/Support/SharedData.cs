using System.Reflection;

namespace Parallax.Ingest.Tests.Support;

/// <summary>
/// Finds the shared folder (../shared next to the repository root, which holds Parallax.slnx). The root is searched
/// upwards from the test binaries, then from the project folder recorded at build time (binaries may be built into an
/// artifacts folder outside the repository), then from the working directory.
/// </summary>
internal static class SharedData
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder, or null when it is absent.</summary>
    public static string? Folder
    {
        get
        {
            if (RepoRoot is null) return null;
            var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>A sub-folder of shared, or a skip of the current test saying what is missing.</summary>
    public static string Require(string relative)
    {
        var folder = Folder;
        Assert.SkipWhen(folder is null, "../shared (next to the repository root) is absent; shared-data tests skipped.");
        var path = Path.Combine(folder!, relative);
        Assert.SkipUnless(Directory.Exists(path) || File.Exists(path), $"{path} is absent; test skipped.");
        return path;
    }

    private static string? FindRepoRoot()
    {
        var starts = new List<string?> { AppContext.BaseDirectory };
        starts.Add(typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value);
        starts.Add(Directory.GetCurrentDirectory());
        foreach (var start in starts)
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) return dir.FullName;
        }
        return null;
    }
}
