using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>A file to read: where it is, and the origin to report (the path as given, joined with the relative path).</summary>
internal readonly record struct FileEntry(string FullPath, string Origin);

/// <summary>Everything found under a folder, in reading order, with what was skipped.</summary>
internal sealed record FolderListing(List<FileEntry> Files, List<Rejection> Problems, int Unsupported, SortedSet<string> UnsupportedExtensions);

/// <summary>
/// Lists the readable files under a folder, recursively, in ordinal order of their relative paths (so a corpus
/// always yields the same ids). Hidden files and folders (dot-names or the hidden attribute) are skipped silently;
/// files of unknown type are counted; folders that cannot be listed are reported. Symbolic links are followed, and
/// every folder and file is known by its canonical path (each link on the way resolved, no trailing separator), so a
/// link cycle is not followed again and each real file is read once, however the folder was spelled ("L/", "./L").
/// </summary>
internal static class PathWalker
{
    private static readonly EnumerationOptions Listing = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0, // hidden entries are filtered below, where dot-names are handled the same on every OS
        ReturnSpecialDirectories = false,
    };

    public static FolderListing List(string given)
    {
        var files = new List<(string Relative, FileEntry Entry)>();
        var problems = new List<Rejection>();
        var unsupportedExtensions = new SortedSet<string>(StringComparer.Ordinal);
        int unsupported = 0;
        var start = Canonical(given);
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(DirectoryInfo Dir, string Real, string Relative)>();
        pending.Push((new DirectoryInfo(given), start, ""));

        while (pending.Count > 0)
        {
            var (dir, real, relative) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = dir.GetFileSystemInfos("*", Listing);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(new Rejection(Path.Join(given, relative), ex.Message));
                continue;
            }
            foreach (var entry in entries)
            {
                if (IsHidden(entry)) continue;
                var rel = relative.Length == 0 ? entry.Name : relative + Path.DirectorySeparatorChar + entry.Name;
                bool link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                var canonical = link ? Canonical(entry.FullName) : Path.Join(real, entry.Name);
                if (entry is DirectoryInfo sub)
                {
                    if (visited.Add(canonical)) pending.Push((sub, canonical, rel));
                    continue;
                }
                if (InputKinds.Of(entry.Name) == InputKind.Unsupported)
                {
                    unsupported++;
                    var ext = Path.GetExtension(entry.Name);
                    unsupportedExtensions.Add(ext.Length == 0 ? "no extension" : ext.ToLowerInvariant());
                    continue;
                }
                if (!seenFiles.Add(canonical)) continue; // the same file through another link
                files.Add((rel.Replace(Path.DirectorySeparatorChar, '/'), new FileEntry(entry.FullName, Path.Join(given, rel))));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return new FolderListing(files.ConvertAll(f => f.Entry), problems, unsupported, unsupportedExtensions);
    }

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;

    /// <summary>The path with every symbolic link on it resolved and no trailing separator (what realpath gives); a
    /// broken or looping link is kept as spelled (listing it reports the problem).</summary>
    internal static string Canonical(string path, int depth = 0)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "";
        var result = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(result, part);
            try
            {
                var info = new FileInfo(next);
                if (depth < 32 && info.LinkTarget is not null
                    && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    next = Canonical(target.FullName, depth + 1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
            result = next;
        }
        return result;
    }
}
