using Parallax.Stories;
using Parallax.Model;

namespace Parallax.Store.Tests;

/// <summary>The behaviour every store must have, run against SQLite and (when configured) PostgreSQL.</summary>
public abstract class CorpusStoreContract
{
    /// <summary>A fresh, empty corpus location that <see cref="Open"/> accepts.</summary>
    protected abstract string NewLocation();

    protected abstract ICorpusStore Open(string location);

    /// <summary>Opens (creating if new) a corpus left at an older schema version, as an earlier build made it.</summary>
    protected abstract ICorpusStore OpenAt(string location, int schemaVersion);

    /// <summary>One value read straight from the database, past the store.</summary>
    protected abstract object? ScalarAt(string location, string sql);

    /// <summary>SQL counting the indexes named @name on this database (tests put the name in the text).</summary>
    protected abstract string CountIndexSql(string name);

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
        store.RefreshStories(new StoryDigests(), TestContext.Current.CancellationToken);
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
        store.RefreshStories(new StoryDigests(), TestContext.Current.CancellationToken);

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
        // The limit keeps the best hits (ranked before snippets are made), not any few.
        Assert.Equal(store.Search("levy", 100)[0], Assert.Single(store.Search("levy", 1)));
        Assert.Equal(store.Search("levy", 100).Take(2), store.Search("levy", 2));
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

    /// <summary>Two reports of each of 20 events: every third from "Harbour Post", every fifth event undated.</summary>
    private static List<Document> Mixed() =>
        [.. TestDocs.Many(40).Select((d, i) => d with
        {
            Metadata = d.Metadata with
            {
                Outlet = i % 3 == 0 ? new Sourced<string>("Harbour Post", MetadataSource.Input) : null,
                Published = i / 2 % 5 == 0 ? null : d.Metadata.Published,
            },
        })];

    /// <summary>The list's documented order: latest day (undated last), then most documents, then newest.</summary>
    private static List<long> Expected(IEnumerable<StorySummary> stories) =>
        [.. stories.OrderByDescending(s => s.LastDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal)
            .ThenByDescending(s => s.Documents).ThenByDescending(s => s.Id).Select(s => s.Id)];

    [Fact]
    public void Cursor_pages_walk_the_whole_list_both_ways_under_each_filter_and_both_plans_agree()
    {
        using var store = Open(NewLocation());
        var docs = Mixed();
        var added = store.AddAll(docs);
        store.RefreshStories(new StoryDigests(), TestContext.Current.CancellationToken);
        var harbour = docs.Select((d, i) => (d, added[i].Story)).Where(x => x.d.Metadata.Outlet is not null).Select(x => x.Story).ToHashSet();
        var sql = (SqlCorpusStore)store;
        var since = new DateOnly(2025, 1, 8);
        var filters = new (DateOnly? Since, string? Query, string? Outlet)[] { (null, null, null), (null, null, "HARBOUR post"), (since, null, null), (null, "plan", null), (since, "plan", "Harbour Post") };
        foreach (var (day, words, outlet) in filters)
        {
            List<long>? agreed = null;
            foreach (int selective in new[] { 0, int.MaxValue }) // 0: always check story by story; max: always through the matches
            {
                sql.SelectiveMatches = selective;
                var all = store.Stories(day, words, 1000, outlet);
                var ids = all.Select(s => s.Id).ToList();
                string what = $"since={day} q={words} outlet={outlet} selective={selective}";
                Assert.True(ids.Count > 2, what);
                Assert.Equal(Expected(all), ids);
                if (outlet is not null) Assert.All(ids, id => Assert.Contains(id, harbour));
                if (day is { } d) Assert.All(all, s => Assert.True(s.LastDay is null || s.LastDay >= d, what));
                if (agreed is null) agreed = ids; else Assert.Equal(agreed, ids);

                var forward = new List<long>();
                for (StoryCursor? after = null; ;)
                {
                    var page = store.Stories(day, words, 3, outlet, after: after);
                    if (page.Count == 0) break;
                    Assert.True(page.Count <= 3);
                    forward.AddRange(page.Select(s => s.Id));
                    after = page[^1].Cursor;
                }
                Assert.Equal(ids, forward);

                var backward = new List<long> { ids[^1] };
                for (StoryCursor? before = all[^1].Cursor; ;)
                {
                    var page = store.Stories(day, words, 3, outlet, before: before);
                    if (page.Count == 0) break;
                    backward.InsertRange(0, page.Select(s => s.Id));
                    before = page[0].Cursor;
                }
                Assert.Equal(ids, backward);
                Assert.Equal(ids.Skip(2).Take(2), store.Stories(day, words, 2, outlet, offset: 2).Select(s => s.Id));
                // A cursor round-trips through its link form.
                Assert.True(StoryCursor.TryParse(all[1].Cursor.ToString(), out var parsed));
                Assert.Equal(ids.Skip(2).Take(3), store.Stories(day, words, 3, outlet, after: parsed).Select(s => s.Id));
            }
        }
        Assert.Contains(store.Stories(limit: 1000), s => s.LastDay is null);
    }

    [Fact]
    public void A_corpus_at_schema_version_1_is_upgraded_on_open_keeping_everything()
    {
        var loc = NewLocation();
        var docs = Mixed();
        IReadOnlyList<AddResult> added;
        List<StorySummary> stories;
        List<SearchHit> hits;
        long generation;
        using (var old = OpenAt(loc, 1))
        {
            added = old.AddAll(docs);
            old.RefreshStories(new StoryDigests(), TestContext.Current.CancellationToken);
            stories = [.. old.Stories(limit: 1000).OrderBy(s => s.Id)];
            hits = [.. old.Search("council", 100)];
            generation = old.Generation();
        }
        Assert.Equal("1", ScalarAt(loc, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(0L, Convert.ToInt64(ScalarAt(loc, CountIndexSql("stories_recent")), System.Globalization.CultureInfo.InvariantCulture));

        using (var store = Open(loc))
        {
            Assert.Equal("2", ScalarAt(loc, "SELECT value FROM meta WHERE key = 'schema_version'"));
            foreach (var index in new[] { "stories_recent", "documents_outlet" })
                Assert.Equal(1L, Convert.ToInt64(ScalarAt(loc, CountIndexSql(index)), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(docs.Count, store.CountDocuments());
            for (int i = 0; i < docs.Count; i++)
            {
                var found = store.FindDocument(added[i].Id);
                Assert.NotNull(found);
                Assert.Equal(docs[i].Text, found.Value.Document.Text);
                Assert.Equal(docs[i].Entities, found.Value.Document.Entities);
                Assert.Equal(added[i].Story, found.Value.Story);
            }
            Assert.Equal(stories, store.Stories(limit: 1000).OrderBy(s => s.Id));
            Assert.Equal(hits, store.Search("council", 100));
            Assert.Equal(generation, store.Generation());
            Assert.NotEmpty(store.Stories(outlet: "harbour post"));
            // Still a working corpus: a new report joins its event's story.
            var more = TestDocs.Doc("late", "Report late: the Quarry3 council in Town3 voted on the Widget3 plan again; Mayor Person3 Smith said the Widget3 plan costs 13 million.",
                new DateOnly(2025, 1, 4));
            Assert.True(store.Add(more).Added);
        }
        // Opening again at the current version changes nothing further.
        using (var again = Open(loc)) Assert.Equal(docs.Count + 1, again.CountDocuments());
        Assert.Equal("2", ScalarAt(loc, "SELECT value FROM meta WHERE key = 'schema_version'"));
    }
}
