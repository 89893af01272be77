using System.Text;
using Parallax.Ingest.Tests.Support;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Readers;

public sealed class CorpusReaderTests
{
    internal const string Para1 = "The Riverton city council voted 5-2 on Tuesday to close the Main Street bridge for repairs, a decision that will reroute about 8,000 cars a day.";
    internal const string Para2 = "\u201cWe waited as long as we could,\u201d council member Dana Whitfield said after the vote.";

    private static List<IngestItem> Read(params string[] paths) => new CorpusReader().Read(paths, TestContext.Current.CancellationToken).ToList();

    private static List<IngestItem> Read(IngestOptions options, params string[] paths) => new CorpusReader(options).Read(paths, TestContext.Current.CancellationToken).ToList();

    private static Rejection SingleRejection(List<IngestItem> items)
    {
        var item = Assert.Single(items);
        Assert.False(item.IsDocument);
        return item.Rejection;
    }

    private static Document SingleDocument(List<IngestItem> items)
    {
        var item = Assert.Single(items);
        Assert.True(item.IsDocument, item.ToString());
        return item.Document;
    }

    [Fact]
    public void Folder_is_read_recursively_in_ordinal_order_with_sequential_ids()
    {
        using var dir = new TempDir();
        dir.Write("c.txt", Para1);
        dir.Write("b/2.txt", Para1);
        dir.Write("a/9.txt", Para1);
        dir.Write("a/10.txt", Para1);
        dir.Write("a/sub/x.md", Para1);

        var docs = Read(dir.Path).Select(i => i.Document!).ToList();

        Assert.Equal(["d1", "d2", "d3", "d4", "d5"], docs.Select(d => d.Id));
        Assert.Equal(
            new[] { "a/10.txt", "a/9.txt", "a/sub/x.md", "b/2.txt", "c.txt" }.Select(r => Path.Join(dir.Path, r.Replace('/', Path.DirectorySeparatorChar))),
            docs.Select(d => d.Origin));
    }

    [Fact]
    public void Origin_is_the_path_as_given_joined_with_the_relative_path()
    {
        using var dir = new TempDir();
        dir.Write("in/one.txt", Para1);
        var given = Path.Join(dir.Path, "in") + Path.DirectorySeparatorChar;
        Assert.Equal(Path.Join(dir.Path, "in", "one.txt"), SingleDocument(Read(given)).Origin);
    }

    [Fact]
    public void Paths_are_read_in_the_order_given_and_ids_continue_across_them()
    {
        using var dir = new TempDir();
        var z = dir.Write("z.txt", Para1);
        var a = dir.Write("a.txt", Para1);
        var items = Read(z, Path.Join(dir.Path, "missing.txt"), a);
        Assert.Equal(["d1", null, "d2"], items.Select(i => i.Document?.Id));
        Assert.Equal(z, items[0].Document!.Origin);
        Assert.Equal(a, items[2].Document!.Origin);
    }

    [Fact]
    public void Ids_restart_for_each_read()
    {
        using var dir = new TempDir();
        var f = dir.Write("a.txt", Para1);
        var reader = new CorpusReader();
        Assert.Equal("d1", reader.Read([f], TestContext.Current.CancellationToken).Single().Document!.Id);
        Assert.Equal("d1", reader.Read([f], TestContext.Current.CancellationToken).Single().Document!.Id);
    }

    [Fact]
    public void Hidden_files_and_folders_are_skipped_silently()
    {
        using var dir = new TempDir();
        dir.Write("visible.txt", Para1);
        dir.Write(".hidden.txt", Para1);
        dir.Write(".git/objects/readme.txt", Para1);
        dir.Write(".cache/page.pdf", "x");
        var items = Read(dir.Path);
        Assert.Equal(Path.Join(dir.Path, "visible.txt"), SingleDocument(items).Origin);
    }

    [Fact]
    public void Unsupported_files_in_a_folder_are_summarised_in_one_rejection()
    {
        using var dir = new TempDir();
        dir.Write("story.txt", Para1);
        dir.Write("scan.pdf", "x");
        dir.Write("sub/photo.png", "x");
        dir.Write("sub/photo2.PNG", "x");
        dir.Write("README", "x");
        var items = Read(dir.Path);
        Assert.Equal(2, items.Count);
        Assert.True(items[0].IsDocument);
        var r = items[1].Rejection!;
        Assert.Equal(dir.Path, r.Origin);
        Assert.Equal("4 files with unsupported extensions skipped (.pdf, .png, no extension)", r.Reason);
    }

    [Fact]
    public void Unsupported_file_named_directly_is_rejected()
    {
        using var dir = new TempDir();
        var pdf = dir.Write("scan.pdf", "x");
        Assert.Equal(new Rejection(pdf, "unsupported file type (.pdf)"), SingleRejection(Read(pdf)));
    }

    [Fact]
    public void Missing_path_is_rejected()
    {
        using var dir = new TempDir();
        var missing = Path.Join(dir.Path, "nope");
        Assert.Equal(new Rejection(missing, "no such file or directory"), SingleRejection(Read(missing)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public void Empty_or_blank_file_is_rejected(string content)
    {
        using var dir = new TempDir();
        var f = dir.Write("empty.txt", content);
        Assert.Equal(new Rejection(f, "empty"), SingleRejection(Read(f)));
    }

    [Fact]
    public void File_of_only_boilerplate_is_rejected_with_a_count()
    {
        using var dir = new TempDir();
        var f = dir.Write("promo.txt", "Breaking News Emails\n\nAdvertisement\n");
        Assert.Equal("empty after removing boilerplate (2 lines removed)", SingleRejection(Read(f)).Reason);
    }

    [Fact]
    public void Binary_file_is_rejected()
    {
        using var dir = new TempDir();
        var f = dir.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        Assert.Equal(new Rejection(f, "binary file"), SingleRejection(Read(f)));
    }

    [Theory]
    [InlineData(40, 1)]
    [InlineData(300, 2)]
    [InlineData(5000, 3)]
    public void Random_bytes_without_nul_named_txt_are_rejected_as_binary(int length, int seed)
    {
        // Compressed or random data with no NUL in it decodes as Windows-1252 without error; only its control
        // characters give it away.
        var random = new Random(seed);
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)random.Next(1, 256);
        using var dir = new TempDir();
        var f = dir.WriteBytes("notes.txt", bytes);
        var good = dir.Write("story.txt", Para1);
        var items = Read(dir.Path).ToList();
        Assert.Equal(new Rejection(f, "binary file"), Assert.Single(items, i => !i.IsDocument).Rejection);
        Assert.Equal(good, Assert.Single(items, i => i.IsDocument).Document!.Origin);
    }

    [Fact]
    public void Text_with_a_stray_control_character_is_still_text()
    {
        using var dir = new TempDir();
        var f = dir.Write("story.txt", Para1 + "\u001A\f\v");
        Assert.True(Assert.Single(Read(f)).IsDocument);
    }

    [Fact]
    public void Too_large_file_is_rejected_with_sizes()
    {
        using var dir = new TempDir();
        var f = dir.Write("big.txt", new string('a', 3000) + " " + Para1);
        var r = SingleRejection(Read(new IngestOptions { MaxFileBytes = 1024 }, f));
        Assert.Equal(f, r.Origin);
        Assert.StartsWith("too large (3.", r.Reason, StringComparison.Ordinal);
        Assert.EndsWith(" KB; limit 1 KB)", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_is_rejected_with_the_system_message()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are a Unix test");
        using var dir = new TempDir();
        var f = dir.Write("locked.txt", Para1);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(f, UnixFileMode.None);
        bool readable;
        try { File.ReadAllBytes(f); readable = true; } catch (UnauthorizedAccessException) { readable = false; }
        Assert.SkipWhen(readable, "running with privileges that ignore file modes (root)");
        var r = SingleRejection(Read(f));
        Assert.Equal(f, r.Origin);
        Assert.Contains("denied", r.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void File_that_vanishes_or_dangles_is_rejected_with_the_system_message()
    {
        // A dangling link inside a folder is listed but cannot be opened: an I/O error even for root.
        using var dir = new TempDir();
        dir.Write("good.txt", Para1);
        File.CreateSymbolicLink(Path.Join(dir.Path, "gone.txt"), Path.Join(dir.Path, "missing-target.txt"));
        var items = Read(dir.Path);
        Assert.Equal(2, items.Count);
        var r = items[0].Rejection!;
        Assert.Equal(Path.Join(dir.Path, "gone.txt"), r.Origin);
        Assert.Contains("gone.txt", r.Reason, StringComparison.Ordinal); // the OS message names the file
        Assert.Equal("d1", items[1].Document!.Id);
    }

    [Fact]
    public void Utf8_bom_and_crlf_are_normalised()
    {
        using var dir = new TempDir();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"Bridge Closes for Repairs\r\n\r\n{Para1}\r\n{Para2}\r\n")).ToArray();
        var f = dir.WriteBytes("crlf.txt", bytes);
        var doc = SingleDocument(Read(f));
        Assert.Equal($"Bridge Closes for Repairs\n\n{Para1}\n{Para2}", doc.Text);
        Assert.Equal("Bridge Closes for Repairs", doc.Metadata.Title?.Value);
    }

    [Fact]
    public void Windows_1252_file_is_decoded()
    {
        using var dir = new TempDir();
        // “Café owners are worried,” she said.  — curly quotes 0x93/0x94 and é 0xE9 in Windows-1252.
        var bytes = new byte[] { 0x93 }.Concat(Encoding.ASCII.GetBytes("Caf")).Concat(new byte[] { 0xE9 })
            .Concat(Encoding.ASCII.GetBytes(" owners are worried,")).Concat(new byte[] { 0x94 }).Concat(Encoding.ASCII.GetBytes(" she said.")).ToArray();
        var f = dir.WriteBytes("cp1252.txt", bytes);
        Assert.Equal("\u201cCaf\u00e9 owners are worried,\u201d she said.", SingleDocument(Read(f)).Text);
    }

    [Fact]
    public void Plain_text_document_carries_cleaning_and_metadata()
    {
        using var dir = new TempDir();
        var f = dir.Write("2024-03-05-bridge.txt", $"RIVERTON, MO (KRVT) -- {Para1}\n\nAdvertisement\n\n{Para2}\n\nKRVT4 News talked to commuters on Wednesday.");
        var doc = SingleDocument(Read(f));
        Assert.Equal([new RemovedText("Advertisement", "page furniture")], doc.Removed);
        Assert.Equal(new Sourced<string>("KRVT4 News", MetadataSource.SelfReference), doc.Metadata.Outlet);
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2024, 3, 5), MetadataSource.FileName), doc.Metadata.Published);
        Assert.StartsWith("RIVERTON, MO (KRVT) -- ", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Boilerplate_removal_can_be_turned_off()
    {
        using var dir = new TempDir();
        var f = dir.Write("a.txt", $"{Para1}\n\nAdvertisement\n");
        var doc = SingleDocument(Read(new IngestOptions { RemoveBoilerplate = false }, f));
        Assert.Equal($"{Para1}\n\nAdvertisement", doc.Text);
        Assert.Empty(doc.Removed);
    }

    [Fact]
    public void Html_file_is_extracted_with_markup_metadata()
    {
        using var dir = new TempDir();
        var f = dir.Write("page.html", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "article.html")));
        var doc = SingleDocument(Read(f));
        Assert.DoesNotContain("MUST-NOT-APPEAR", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Engineers found cracks", doc.Text, StringComparison.Ordinal);
        Assert.Equal(new Sourced<string>("The Riverton Herald", MetadataSource.Markup), doc.Metadata.Outlet);
        Assert.Equal("https://www.rivertonherald.example/news/bridge-closure", doc.Metadata.Url);
    }

    [Fact]
    public void Html_file_in_windows_1252_with_meta_charset_is_decoded()
    {
        using var dir = new TempDir();
        var html = $"<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 Closes</title></head><body><p>\u201cCaf\u00e9 owners are worried,\u201d she said. {Para1}</p></body></html>";
        var f = dir.WriteBytes("page.htm", Parallax.Ingest.Decoding.TextDecoder.Windows1252.GetBytes(html));
        var doc = SingleDocument(Read(f));
        Assert.Contains("\u201cCaf\u00e9 owners are worried,\u201d", doc.Text, StringComparison.Ordinal);
        Assert.Equal("Caf\u00e9 Closes", doc.Metadata.Title?.Value);
    }

    [Fact]
    public void Html_without_text_is_rejected()
    {
        using var dir = new TempDir();
        var f = dir.Write("page.xhtml", "<html><head><script>var x = 1;</script></head><body><nav></nav></body></html>");
        Assert.Equal(new Rejection(f, "no article text found in the HTML"), SingleRejection(Read(f)));
    }

    [Fact]
    public void Cancellation_stops_reading()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Para1);
        dir.Write("b.txt", Para1);
        using var cts = new CancellationTokenSource();
        using var e = new CorpusReader().Read([dir.Path], cts.Token).GetEnumerator();
        Assert.True(e.MoveNext());
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => e.MoveNext());
    }

    [Fact]
    public void Null_path_list_is_a_programmer_error() =>
        Assert.Throws<ArgumentNullException>(() => new CorpusReader().Read(null!, TestContext.Current.CancellationToken));
}
