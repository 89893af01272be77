using Microsoft.Data.Sqlite;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Workflow.Tests;

/// <summary>
/// One story clusterer for every command: <c>analyze</c> and <c>ingest</c> followed by <c>story</c> give the same
/// stories with the same facts for the same inputs; inputs held in memory read as the files do; copies are marked in
/// both journeys.
/// </summary>
public sealed class AnalyzeIngestEqualityTests : IDisposable
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => StandardPipeline.Create());
    private readonly string dir = Directory.CreateTempSubdirectory("parallax-workflow-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private static string Samples => Path.Combine(RepositoryPaths.Root ?? throw new InvalidOperationException("repository root not found"), "samples", "reports");

    /// <summary>A story as a comparable text: its documents by origin, then each fact's status, kind and claims
    /// (origin, offsets, value, unit, copy-of origin), all independent of the ids either journey gave.</summary>
    private static List<string> Stories(IEnumerable<CorpusAnalysis> analyses)
    {
        var result = new List<string>();
        foreach (var analysis in analyses)
        {
            var origin = analysis.Documents.ToDictionary(d => d.Id, d => d.Origin, StringComparer.Ordinal);
            string O(string? id) => id is null ? "-" : origin.GetValueOrDefault(id, "?" + id);
            foreach (var s in analysis.Stories)
            {
                var facts = s.Facts.Select(f => $"{f.Status} {f.Kind} " + string.Join("; ", f.Claims
                        .Select(c => $"{O(c.Span.Doc)}@{c.Span.Start}-{c.Span.End}={c.Value}{c.Unit} copy:{O(c.CopyOf)}").Order(StringComparer.Ordinal)))
                    .Order(StringComparer.Ordinal);
                result.Add(string.Join(", ", s.Documents.Select(O).Order(StringComparer.Ordinal)) + "\n  " + string.Join("\n  ", facts));
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private List<CorpusAnalysis> Ingested(CorpusSource source, string name, out IngestResult result)
    {
        using var store = Corpus.OpenSqlite(Path.Combine(dir, name));
        result = new CorpusIngest(store, Pipeline.Value, 2).Run(source, TestContext.Current.CancellationToken);
        var stories = store.Stories(limit: 1000);
        Assert.All(stories, s => Assert.True(s.Title.Length > 0));
        return [.. stories.Select(s => Corpus.StoryReport(store.StoryDocuments(s.Id), TestContext.Current.CancellationToken))];
    }

    private static CorpusAnalysis Analyzed(CorpusSource source) =>
        new CorpusAnalyzer(Pipeline.Value, 2).Run(source, TestContext.Current.CancellationToken).Report;

    [Fact]
    public void Analyze_and_ingest_then_story_give_the_same_stories_and_facts()
    {
        // The samples (one event, four outlets) and the seeds (another event, five outlets) read together.
        var inputs = new List<string> { Samples };
        if (RepositoryPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "seeds"))) inputs.Add(Path.Combine(shared, "seeds"));
        var source = CorpusSource.Paths(inputs);
        var analyzed = Analyzed(source);
        var ingested = Ingested(source, "corpus.db", out var result);

        Assert.Equal(analyzed.Documents.Length, result.Added);
        Assert.Equal(inputs.Count, analyzed.Stories.Length); // each event one story, the two kept apart
        Assert.Contains(analyzed.Stories, s => s.Facts.Any(f => f.Status == FactStatus.Disputed));
        Assert.Equal(Stories([analyzed]), Stories(ingested));
    }

    [Fact]
    public void Inputs_held_in_memory_read_as_the_same_files_do()
    {
        var files = Directory.EnumerateFiles(Samples).Order(StringComparer.Ordinal)
            .Select(p => new InputFile(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        var fromDisk = Analyzed(CorpusSource.Paths([.. Directory.EnumerateFiles(Samples).Order(StringComparer.Ordinal)]));
        var fromMemory = Analyzed(CorpusSource.Files(files));
        Assert.Equal(fromDisk.Documents.Select(d => (d.Text, d.PublishedDate, d.Metadata.Outlet?.Value)),
            fromMemory.Documents.Select(d => (d.Text, d.PublishedDate, d.Metadata.Outlet?.Value)));
        Assert.Equal(files.Select(f => f.Name), fromMemory.Documents.Select(d => Path.GetFileName(d.Origin.Split('#')[0])).Distinct());
        Assert.Equal(Stories([fromDisk]).Select(s => s.Replace(Samples + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)), Stories([fromMemory]));
    }

    [Fact]
    public void Ingest_marks_near_copies_with_the_stored_original_as_analyze_does()
    {
        // A report and a lightly edited copy of it (its text read from the samples at run time, plus one invented line).
        var original = File.ReadAllBytes(Path.Combine(Samples, "harbor-ledger.txt"));
        var copy = original.Concat("\n\nThis copy was edited for a test.\n"u8.ToArray()).ToArray();
        var source = CorpusSource.Files([new InputFile("original.txt", original), new InputFile("copy.txt", copy)]);

        var analyzed = Analyzed(source);
        var marked = Assert.Single(analyzed.Documents, d => d.CopyOf is not null);
        Assert.Equal("copy.txt", marked.Origin);
        Assert.Equal(analyzed.Documents.Single(d => d.Origin == "original.txt").Id, marked.CopyOf!.Original);

        using var store = Corpus.OpenSqlite(Path.Combine(dir, "copies.db"));
        var added = new List<AddResult>();
        new CorpusIngest(store, Pipeline.Value, 2) { Added = added.Add }.Run(source, TestContext.Current.CancellationToken);
        var stored = added.Select(a => store.FindDocument(a.Id)!.Value.Document).ToList();
        var storedCopy = Assert.Single(stored, d => d.CopyOf is not null);
        Assert.Equal("copy.txt", storedCopy.Origin);
        Assert.Equal(stored.Single(d => d.Origin == "original.txt").Id, storedCopy.CopyOf!.Original);
    }
}
