using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Parallax.Ingest;
using Parallax.Ingest.Decoding;
using Parallax.Ingest.Html;

namespace Parallax.Eval.Extraction;

/// <summary>One extractor's score over the set: snippet counts, pages with no output, and single-core time.</summary>
public sealed record ExtractorResult(string Name, SnippetCounts Counts, int Pages, int Empty, double Seconds)
{
    /// <summary>Each page's counts, in the set's order, for scoring subsets (one language).</summary>
    public IReadOnlyList<SnippetCounts> PerPage { get; init; } = [];

    /// <summary>Counts over the pages whose index <paramref name="include"/> accepts.</summary>
    public SnippetCounts Over(Func<int, bool> include) =>
        PerPage.Select((c, i) => (c, i)).Where(x => include(x.i)).Aggregate(default(SnippetCounts), (a, x) => a + x.c);

    public double PagesPerSecond => Seconds > 0 ? Pages / Seconds : 0;
}

/// <summary>A page's bytes and what an extractor made of it, for error listings.</summary>
public sealed record PageOutput(AnnotatedPage Page, string Text, SnippetCounts Counts)
{
    /// <summary>The metadata Parallax found (only for Parallax's own run).</summary>
    public Parallax.Model.DocumentMetadata? Metadata { get; init; }
}

/// <summary>
/// Runs extractors over the annotated pages on one thread, pages preloaded into memory so that disk reads are not
/// timed. Parallax is timed on its whole HTML path (decode, extract, clean, metadata), SmartReader on decode and
/// GetArticle, Readability (Node, optional) on parse and extraction of already-decoded pages.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>Parallax's reader: the same code path as `parallax analyze` on an .html file, with the block extractor
    /// unless <paramref name="mode"/> says otherwise.</summary>
    public static ExtractorResult Parallax(ExtractionSet set, IReadOnlyList<byte[]> pages, List<PageOutput>? outputs = null,
        HtmlTextMode mode = HtmlTextMode.Blocks)
    {
        var reader = new CorpusReader(new IngestOptions { HtmlText = mode });
        var metadata = new Dictionary<AnnotatedPage, Parallax.Model.DocumentMetadata?>(ReferenceEqualityComparer.Instance);
        var result = Run(mode == HtmlTextMode.Blocks ? "parallax blocks (default)" : "parallax SmartReader path", set, pages, (bytes, page) =>
        {
            var item = reader.ReadHtml(bytes, page.File, page.Url);
            metadata[page] = item.Document?.Metadata;
            return item.IsDocument ? item.Document.Text : "";
        }, outputs);
        if (outputs is not null)
            for (int i = 0; i < outputs.Count; i++) outputs[i] = outputs[i] with { Metadata = metadata.GetValueOrDefault(outputs[i].Page) };
        return result;
    }

    /// <summary>SmartReader 0.11 alone (a port of Readability), its TextContent as output.</summary>
    public static ExtractorResult SmartReaderAlone(ExtractionSet set, IReadOnlyList<byte[]> pages) =>
        Run("SmartReader", set, pages, (bytes, page) =>
        {
            var html = TextDecoder.DecodeHtml(bytes).Text;
            try
            {
                // The (uri, text) constructor never fetches; Reader.ParseArticle(uri, html) would treat html as a user agent.
                var article = new SmartReader.Reader(page.Url, html).GetArticle();
                return article.TextContent ?? "";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return ""; // scored as no output, as a crash would be for any extractor
            }
        }, null);

    /// <summary>How many pages the block extractor alone leaves under <see cref="HtmlExtractor.MinBlockChars"/>, so
    /// that the SmartReader fallback runs (not timed).</summary>
    public static int BlockFallbacks(IReadOnlyList<byte[]> pages) =>
        pages.Count(p => BlockExtractor.Extract(TextDecoder.DecodeHtml(p).Text).Length < HtmlExtractor.MinBlockChars);

    /// <summary>The block extractor alone on already-decoded pages, one thread, after a warm-up pass: pages per wall
    /// second and per CPU-second of this process (the machine is often shared, so the wall clock also counts other
    /// processes' turns).</summary>
    public static (double PagesPerSecond, double PagesPerCpuSecond) BlockSpeed(IReadOnlyList<byte[]> pages, int rounds = 3)
    {
        var html = pages.Select(p => TextDecoder.DecodeHtml(p).Text).ToList();
        long sink = 0;
        foreach (var h in html) sink += BlockExtractor.Extract(h).Length;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
            foreach (var h in html) sink += BlockExtractor.Extract(h).Length;
        clock.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        GC.KeepAlive(sink);
        int n = html.Count * rounds;
        return (n / clock.Elapsed.TotalSeconds, cpu > 0 ? n / cpu : 0);
    }

    public static IReadOnlyList<byte[]> Load(ExtractionSet set) => set.Pages.Select(p => File.ReadAllBytes(set.PathOf(p))).ToList();

    private static ExtractorResult Run(string name, ExtractionSet set, IReadOnlyList<byte[]> pages, Func<byte[], AnnotatedPage, string> extract,
        List<PageOutput>? outputs)
    {
        var texts = new string[pages.Count];
        // Warm-up pages so that JIT time, and the slow first tier of tiered compilation, are not charged to the first
        // extractor measured (one page left its hot loops in unoptimised code for a good part of the run).
        for (int i = 0; i < Math.Min(pages.Count, 200); i++) extract(pages[i], set.Pages[i]);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < pages.Count; i++) texts[i] = extract(pages[i], set.Pages[i]);
        clock.Stop();
        return Score(name, set, texts, clock.Elapsed.TotalSeconds, outputs);
    }

    public static ExtractorResult Score(string name, ExtractionSet set, IReadOnlyList<string> texts, double seconds, List<PageOutput>? outputs)
    {
        var total = default(SnippetCounts);
        var perPage = new SnippetCounts[texts.Count];
        int empty = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            var c = SnippetCounts.Score(texts[i], set.Pages[i]);
            total += c;
            perPage[i] = c;
            if (string.IsNullOrWhiteSpace(texts[i])) empty++;
            outputs?.Add(new PageOutput(set.Pages[i], texts[i], c));
        }
        return new ExtractorResult(name, total, texts.Count, empty, seconds) { PerPage = perPage };
    }

    /// <summary>
    /// Mozilla Readability through Node with linkedom, when <paramref name="modulesDir"/> holds
    /// node_modules/@mozilla/readability and node_modules/linkedom and `node` is on the PATH; otherwise null with the
    /// reason. Pages are handed over already decoded (as UTF-8 files), so decoding is not timed for Readability.
    /// </summary>
    public static (ExtractorResult? Result, string? Skipped) Readability(ExtractionSet set, IReadOnlyList<byte[]> pages, string? modulesDir)
    {
        if (modulesDir is null) return (null, "no --readability folder given");
        var modules = Path.Combine(Path.GetFullPath(modulesDir), "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@mozilla", "readability")) || !Directory.Exists(Path.Combine(modules, "linkedom")))
            return (null, $"{modules} lacks @mozilla/readability or linkedom (npm install @mozilla/readability linkedom there)");

        var work = Path.Combine(Path.GetTempPath(), "parallax-readability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var list = new List<object>();
            for (int i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(work, i + ".html");
                File.WriteAllText(file, TextDecoder.DecodeHtml(pages[i]).Text, new UTF8Encoding(false));
                list.Add(new { file, url = set.Pages[i].Url });
            }
            var listFile = Path.Combine(work, "pages.json");
            File.WriteAllText(listFile, JsonSerializer.Serialize(list));
            var script = Path.Combine(work, "run.js");
            File.WriteAllText(script, NodeScript);
            var resultFile = Path.Combine(work, "out.json");

            var psi = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add(listFile);
            psi.ArgumentList.Add(resultFile);
            psi.Environment["NODE_PATH"] = modules;
            Process p;
            try { p = Process.Start(psi)!; }
            catch (System.ComponentModel.Win32Exception e) { return (null, $"node is not available ({e.Message})"); }
            using (p)
            {
                var err = p.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) return (null, $"node failed: {err.Result.Trim().Split('\n')[0]}");
            }
            using var json = JsonDocument.Parse(File.ReadAllBytes(resultFile));
            var seconds = json.RootElement.GetProperty("seconds").GetDouble();
            var texts = json.RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
            return (Score("Readability (node)", set, texts, seconds, null), null);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Reads every page first, then times parse + extraction only, as is done for the .NET extractors.</summary>
    private const string NodeScript = """
        const fs = require('fs');
        const { Readability } = require('@mozilla/readability');
        const { parseHTML } = require('linkedom');
        const list = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
        const pages = list.map(p => fs.readFileSync(p.file, 'utf8'));
        const texts = [];
        const start = process.hrtime.bigint();
        for (const html of pages) {
          let text = '';
          try {
            const { document } = parseHTML(html);
            const article = new Readability(document).parse();
            text = article && article.textContent ? article.textContent : '';
          } catch (e) { text = ''; }
          texts.push(text);
        }
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        fs.writeFileSync(process.argv[3], JSON.stringify({ seconds, texts }));
        """;
}
