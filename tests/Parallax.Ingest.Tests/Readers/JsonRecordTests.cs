using System.Text.Json;
using Parallax.Ingest.Tests.Support;
using Parallax.Model;
using static Parallax.Ingest.Tests.Readers.CorpusReaderTests;

namespace Parallax.Ingest.Tests.Readers;

public sealed class JsonRecordTests
{
    private static List<IngestItem> Read(params string[] paths) => new CorpusReader().Read(paths, TestContext.Current.CancellationToken).ToList();

    private static string Line(object record) => JsonSerializer.Serialize(record);

    [Fact]
    public void Json_lines_keep_going_after_bad_lines_and_name_them()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.jsonl", string.Join('\n',
            Line(new { id = "a1", url = "https://www.rivertonherald.example/a1", outlet = "The Riverton Herald", title = "Bridge Closes", published = "2024-03-05T18:30:00-06:00", text = Para1 }),
            "{ this is not json",
            Line(new { id = "a3", title = "No body" }),
            "",
            "   ",
            Line(new { id = "a6", text = Para2, published = "2024-03-06" }),
            "[1, 2]"));

        var items = Read(f);

        Assert.Equal(5, items.Count);
        var first = items[0].Document!;
        Assert.Equal("d1", first.Id);
        Assert.Equal($"{f}#L1", first.Origin);
        Assert.Equal(Para1, first.Text);
        Assert.Equal(new Sourced<string>("The Riverton Herald", MetadataSource.Input), first.Metadata.Outlet);
        Assert.Equal(new Sourced<string>("Bridge Closes", MetadataSource.Input), first.Metadata.Title);
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2024, 3, 5), MetadataSource.Input), first.Metadata.Published);
        Assert.Equal("https://www.rivertonherald.example/a1", first.Metadata.Url);

        Assert.Equal($"{f}#L2", items[1].Rejection!.Origin);
        Assert.StartsWith("not valid JSON", items[1].Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal(new Rejection($"{f}#L3", "no \"text\" or \"html\" field"), items[2].Rejection);

        // Blank lines are skipped but still counted, so line numbers match an editor's.
        Assert.Equal("d2", items[3].Document!.Id);
        Assert.Equal($"{f}#L6", items[3].Document!.Origin);
        Assert.Equal(new DateOnly(2024, 3, 6), items[3].Document!.PublishedDate);

        Assert.Equal(new Rejection($"{f}#L7", "not a JSON object (array)"), items[4].Rejection);
    }

    [Fact]
    public void Html_records_go_through_the_html_extractor_and_input_fields_win()
    {
        using var dir = new TempDir();
        var html = "<html><head><meta property=\"og:site_name\" content=\"Markup Name\"><meta property=\"og:title\" content=\"Markup Title\">"
            + $"<script>var leak = 'SCRIPT-TEXT';</script></head><body><p>{Para1}</p><p>{Para2}</p></body></html>";
        var f = dir.Write("feed.ndjson", Line(new { url = "https://example.org/story", title = "Input Title", html }));
        var doc = Assert.Single(Read(f)).Document!;
        Assert.Equal($"{Para1}\n\n{Para2}", doc.Text);
        Assert.Equal(new Sourced<string>("Input Title", MetadataSource.Input), doc.Metadata.Title);
        Assert.Equal(new Sourced<string>("Markup Name", MetadataSource.Markup), doc.Metadata.Outlet);
        Assert.Equal("https://example.org/story", doc.Metadata.Url);
    }

    [Fact]
    public void Text_records_are_cleaned_and_fill_gaps_from_the_text()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.jsonl", Line(new { text = $"{Para1}\r\n\r\nAdvertisement\r\n\r\nA spokesperson said in a statement to The Riverton Herald that the review continues." }));
        var doc = Assert.Single(Read(f)).Document!;
        Assert.Equal([new RemovedText("Advertisement", "page furniture")], doc.Removed);
        Assert.Equal(new Sourced<string>("The Riverton Herald", MetadataSource.SelfReference), doc.Metadata.Outlet);
        Assert.DoesNotContain('\r', doc.Text);
    }

    [Fact]
    public void Url_host_is_the_outlet_of_last_resort()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.jsonl", Line(new { url = "https://www.rivertonherald.example/a1", text = Para1 }));
        Assert.Equal(new Sourced<string>("rivertonherald.example", MetadataSource.Url), Assert.Single(Read(f)).Document!.Metadata.Outlet);
    }

    [Fact]
    public void Unparseable_published_value_is_ignored_not_fatal()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.jsonl", Line(new { published = "last Tuesday", text = Para1 }));
        Assert.Null(Assert.Single(Read(f)).Document!.Metadata.Published);
    }

    [Fact]
    public void Json_array_file_gives_one_document_per_element_with_its_line()
    {
        using var dir = new TempDir();
        var f = dir.Write("batch.json", $"[\n  {Line(new { text = Para1 })},\n\n  {Line(new { title = "x" })},\n  {Line(new { text = Para2 })}\n]");
        var items = Read(f);
        Assert.Equal(3, items.Count);
        Assert.Equal($"{f}#L2", items[0].Document!.Origin);
        Assert.Equal(new Rejection($"{f}#L4", "no \"text\" or \"html\" field"), items[1].Rejection);
        Assert.Equal($"{f}#L5", items[2].Document!.Origin);
        Assert.Equal("d2", items[2].Document!.Id);
    }

    [Fact]
    public void Json_object_file_is_one_document()
    {
        using var dir = new TempDir();
        var f = dir.Write("one.json", Line(new { title = "Bridge Closes", text = Para1 }));
        var doc = Assert.Single(Read(f)).Document!;
        Assert.Equal(f, doc.Origin);
        Assert.Equal("Bridge Closes", doc.Metadata.Title?.Value);
    }

    [Fact]
    public void Json_lines_saved_as_json_are_read_as_lines()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.json", Line(new { text = Para1 }) + "\n" + Line(new { text = Para2 }) + "\n");
        Assert.Equal([$"{f}#L1", $"{f}#L2"], Read(f).Select(i => i.Document!.Origin));
    }

    [Fact]
    public void Broken_json_file_is_rejected()
    {
        using var dir = new TempDir();
        var f = dir.Write("bad.json", "{\"text\": ");
        var r = Assert.Single(Read(f)).Rejection!;
        Assert.Equal(f, r.Origin);
        Assert.StartsWith("not valid JSON", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_json_line_is_rejected_alone()
    {
        using var dir = new TempDir();
        var f = dir.Write("feed.jsonl", Line(new { text = new string('a', 5000) }) + "\n" + Line(new { text = Para1 }));
        var items = new CorpusReader(new IngestOptions { MaxFileBytes = 1024 }).Read([f], TestContext.Current.CancellationToken).ToList();
        Assert.Equal($"{f}#L1", items[0].Rejection!.Origin);
        Assert.StartsWith("line too large", items[0].Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal("d1", items[1].Document!.Id);
    }
}
