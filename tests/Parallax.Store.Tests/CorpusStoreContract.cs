using Parallax.Model;

namespace Parallax.Store.Tests;

/// <summary>The behaviour every store must have, run against SQLite and (when configured) PostgreSQL.</summary>
public abstract class CorpusStoreContract
{
    /// <summary>A fresh, empty corpus location that <see cref="Open"/> accepts.</summary>
    protected abstract string NewLocation();

    protected abstract ICorpusStore Open(string location);

    private static readonly DateOnly Day = new(2025, 3, 4);

    [Fact]
    public void The_same_input_twice_adds_nothing()
    {
        var loc = NewLocation();
        var docs = new[] { TestDocs.Doc("a", TestDocs.BridgeA, Day), TestDocs.Doc("b", TestDocs.Election, Day) };
        using (var store = Open(loc))
        {
            Assert.All(docs, d => Assert.True(store.Add(d).Added));
            Assert.All(docs, d => Assert.False(store.Add(d).Added));
        }
        using (var store = Open(loc))
        {
            Assert.All(docs, d => Assert.False(store.Add(d with { Id = "other", Origin = "elsewhere.txt" }).Added));
            Assert.Equal(2, store.CountDocuments());
            Assert.NotNull(store.Find(ContentHash.Of(TestDocs.BridgeA)));
        }
    }

    [Fact]
    public void Documents_are_found_by_id_stories_filter_by_outlet_and_page_and_writes_bump_the_generation()
    {
        using var store = Open(NewLocation());
        long g0 = store.Generation();
        var a = TestDocs.Doc("a", TestDocs.BridgeA, Day);
        var ra = store.Add(a with { Metadata = a.Metadata with { Outlet = new Sourced<string>("Harbour Post", MetadataSource.Input) } });
        var re = store.Add(TestDocs.Doc("e", TestDocs.Election, Day.AddDays(2)));
        store.RefreshStories(TestContext.Current.CancellationToken);
        Assert.Equal(g0 + 2, store.Generation());

        var found = store.FindDocument(ra.Id);
        Assert.NotNull(found);
        Assert.Equal(TestDocs.BridgeA, found.Value.Document.Text);
        Assert.Equal(ra.Story, found.Value.Story);
        Assert.Null(store.FindDocument("d999999"));
        Assert.Null(store.FindDocument("x1"));
        Assert.Null(store.FindDocument("d"));

        Assert.Equal([ra.Story], store.Stories(outlet: "harbour post").Select(s => s.Id));
        Assert.Empty(store.Stories(outlet: "Nobody"));
        var all = store.Stories();
        Assert.Equal([re.Story, ra.Story], all.Select(s => s.Id));
        Assert.Equal([ra.Story], store.Stories(limit: 1, offset: 1).Select(s => s.Id));
    }

    [Fact]
    public void A_batch_is_placed_like_single_adds_and_skips_its_own_repeats()
    {
        var a = TestDocs.Doc("a", TestDocs.BridgeA, Day);
        var e = TestDocs.Doc("e", TestDocs.Election, Day);
        var b = TestDocs.Doc("b", TestDocs.BridgeB, Day.AddDays(1));
        using var store = Open(NewLocation());
        var r = store.AddAll([a, e, a with { Id = "again" }, b]);
        Assert.Equal([true, true, false, true], r.Select(x => x.Added));
        Assert.Equal(r[0].Id, r[2].Id);
        Assert.Equal(r[0].Story, r[3].Story);
        Assert.NotEqual(r[0].Story, r[1].Story);
        Assert.Equal(3, store.CountDocuments());
        Assert.False(store.AddAll([e]).Single().Added);
    }

    [Fact]
    public void Documents_come_back_with_their_analysis_and_stories_group_them()
    {
        using var store = Open(NewLocation());
        var a = TestDocs.Doc("a", TestDocs.BridgeA, Day, "Barge hits bridge");
        var ra = store.Add(a);
        var re = store.Add(TestDocs.Doc("e", TestDocs.Election, Day));
        var rb = store.Add(TestDocs.Doc("b", TestDocs.BridgeB, Day.AddDays(1)));
        Assert.Equal(ra.Story, rb.Story);
        Assert.NotEqual(ra.Story, re.Story);
        store.RefreshStories(TestContext.Current.CancellationToken);

        var docs = store.StoryDocuments(ra.Story);
        Assert.Equal([ra.Id, rb.Id], docs.Select(d => d.Id));
        var back = docs[0];
        Assert.Equal(a.Text, back.Text);
        Assert.Equal(a.Layers, back.Layers);
        Assert.Equal(a.Tokens, back.Tokens);
        Assert.Equal(a.Entities, back.Entities);
        Assert.Equal(a.Quotes, back.Quotes);
        Assert.Equal(a.Quantities.Length, back.Quantities.Length);
        Assert.Equal("Barge hits bridge", back.Metadata.Title?.Value);

        var stories = store.Stories();
        var bridge = Assert.Single(stories, s => s.Id == ra.Story);
        Assert.Equal(2, bridge.Documents);
        Assert.Equal(Day, bridge.FirstDay);
        Assert.Equal(Day.AddDays(1), bridge.LastDay);
        Assert.Equal("Barge hits bridge", bridge.Title);
        Assert.Equal([ra.Story], store.Stories(query: "barge").Select(s => s.Id));
        Assert.Equal([rb.Story], store.Stories(since: Day.AddDays(1)).Select(s => s.Id));
        Assert.Empty(store.StoryDocuments(999_999));
    }

    [Fact]
    public void Search_finds_documents_and_quotes_with_highlights_and_never_fails_on_odd_input()
    {
        using var store = Open(NewLocation());
        store.Add(TestDocs.Doc("a", TestDocs.BridgeA, Day));
        store.Add(TestDocs.Doc("e", TestDocs.Election, Day));
        var hits = store.Search("levy");
        Assert.Contains(hits, h => h.Kind == "document" && h.Snippet.Contains(SearchHit.Open + "levy" + SearchHit.Close, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(store.Search("children"), h => h.Kind == "quote");
        Assert.Empty(store.Search("zeppelin"));
        foreach (var odd in new[] { "\"", "barge\" OR", "NEAR(a b)", "*", "'; DROP TABLE documents; --", "a & | !", "" })
            _ = store.Search(odd);
        Assert.Equal(2, store.CountDocuments());
    }

    [Fact]
    public void A_later_run_continues_the_stories_of_an_earlier_one()
    {
        var loc = NewLocation();
        long bridge, election;
        using (var store = Open(loc))
        {
            bridge = store.Add(TestDocs.Doc("a", TestDocs.BridgeA, Day)).Story;
            election = store.Add(TestDocs.Doc("e", TestDocs.Election, Day)).Story;
        }
        using (var store = Open(loc))
        {
            Assert.Equal(bridge, store.Add(TestDocs.Doc("b", TestDocs.BridgeB, Day)).Story);
            Assert.Equal(election, store.Add(TestDocs.Doc("l", TestDocs.Levy, Day)).Story);
        }
    }

    [Fact]
    public void Concurrent_writers_on_one_database_are_serialised()
    {
        var loc = NewLocation();
        using (Open(loc)) { } // created once, as a first ingest would
        var docs = TestDocs.Many(40).ToList();
        // Two writers with their own connections add overlapping halves at the same time.
        var first = docs.Take(25).ToList();
        var second = docs.Skip(15).ToList();
        var added = new int[2];
        Parallel.Invoke(
            () => { using var s = Open(loc); foreach (var d in first) if (s.Add(d).Added) Interlocked.Increment(ref added[0]); },
            () => { using var s = Open(loc); foreach (var d in second) if (s.Add(d).Added) Interlocked.Increment(ref added[1]); });
        using var store = Open(loc);
        Assert.Equal(40, store.CountDocuments());
        Assert.Equal(40, added[0] + added[1]);
        // Every document is in exactly one existing story, and the story counts add up.
        var stories = store.Stories(limit: 1000);
        Assert.Equal(40, stories.Sum(s => s.Documents));
        Assert.Equal(40, stories.Sum(s => store.StoryDocuments(s.Id).Count));
    }
}
