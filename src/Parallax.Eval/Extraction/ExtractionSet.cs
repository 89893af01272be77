using System.Diagnostics;
using System.Text.Json;

namespace Parallax.Eval.Extraction;

/// <summary>One annotated page: the snippets its main text must contain and those it must not.</summary>
/// <remarks>Date, Author and Title are null when the page has no metadata annotation, "" when annotated as absent.</remarks>
public sealed record AnnotatedPage(string Url, string File, IReadOnlyList<string> With, IReadOnlyList<string> Without,
    string? Date = null, string? Author = null, string? Title = null);

/// <summary>
/// The trafilatura evaluation set (../shared/data/extraction/trafilatura-eval): evaldata.json maps each URL to its HTML
/// file and must-keep ("with") / must-drop ("without") snippets. The pages ship as html.tar.xz; they are unpacked to a
/// temporary folder for the run (with the system's tar, as .NET reads no xz) and deleted afterwards, never copied
/// into the repository.
/// </summary>
public sealed class ExtractionSet : IDisposable
{
    private ExtractionSet(string folder, IReadOnlyList<AnnotatedPage> pages)
    {
        Folder = folder;
        Pages = pages;
    }

    /// <summary>Where the pages were unpacked.</summary>
    public string Folder { get; }

    /// <summary>The annotated pages in the order of evaldata.json.</summary>
    public IReadOnlyList<AnnotatedPage> Pages { get; }

    /// <summary>The unpacked path of a page's HTML.</summary>
    public string PathOf(AnnotatedPage page) => Path.Combine(Folder, "html", page.File);

    /// <summary>Loads the annotations and unpacks the pages; <paramref name="limit"/> keeps the first N pages.</summary>
    /// <exception cref="FileNotFoundException">When the set is absent (message starts "not found:").</exception>
    /// <exception cref="InvalidOperationException">When tar cannot unpack the archive.</exception>
    public static ExtractionSet Open(string shared, int limit = int.MaxValue)
    {
        var dir = SharedData.Folder(shared, "extraction", "trafilatura-eval");
        var pages = ReadAnnotations(Path.Combine(dir, "evaldata.json")).Take(limit).ToList();
        var temp = Path.Combine(Path.GetTempPath(), "parallax-extract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            var psi = new ProcessStartInfo("tar") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-xJf", Path.Combine(dir, "html.tar.xz"), "-C", temp }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start tar");
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"tar could not unpack html.tar.xz: {err.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Directory.Delete(temp, recursive: true);
            throw new InvalidOperationException($"tar (with xz) is needed to unpack html.tar.xz: {e.Message}");
        }
        return new ExtractionSet(temp, pages.Where(p => File.Exists(Path.Combine(temp, "html", p.File))).ToList());
    }

    internal static IEnumerable<AnnotatedPage> ReadAnnotations(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var list = new List<AnnotatedPage>();
        foreach (var p in json.RootElement.EnumerateObject())
        {
            var v = p.Value;
            list.Add(new AnnotatedPage(p.Name, v.GetProperty("file").GetString()!, Strings(v, "with"), Strings(v, "without"),
                Field(v, "date"), Field(v, "author"), Field(v, "title")));
        }
        return list;
    }

    private static string? Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a leftover temp folder is harmless
        catch (UnauthorizedAccessException) { }
    }
}
