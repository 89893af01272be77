namespace Parallax.Ingest.Tests.Support;

/// <summary>The shared folder for the Ingest tests (see <see cref="RepositoryPaths"/>).</summary>
internal static class SharedData
{
    /// <summary>The shared folder, or null when it is absent.</summary>
    public static string? Folder => RepositoryPaths.Shared;

    /// <summary>A sub-folder of shared, or a skip of the current test saying what is missing.</summary>
    public static string Require(string relative) => RepositoryPaths.RequireShared(relative);
}
