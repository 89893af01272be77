using Parallax.Stories.Streaming;
using Microsoft.Data.Sqlite;

namespace Parallax.Store.Tests;

/// <summary>Issue 13: one search must not freeze the store. Repeated words count once, more than
/// <see cref="SearchTerms.MaxTerms"/> words are refused with a message, a search over its budget or cancelled is
/// stopped, and reads run on their own connections, from any thread.</summary>
public sealed class SearchBoundsTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private readonly string dir = Path.Combine(Path.GetTempPath(), "parallax-search-tests", Guid.NewGuid().ToString("N"));

    public SearchBoundsTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private ICorpusStore Corpus()
    {
        var store = CorpusStore.OpenSqlite(Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db"), new StreamingPlacement());
        store.Add(TestDocs.Doc("a", TestDocs.BridgeA, Day));
        store.Add(TestDocs.Doc("e", TestDocs.Election, Day));
        return store;
    }

    [Fact]
    public void Repeated_words_are_one_term_and_give_the_same_hits()
    {
        // 500 repeated words took 112 s: each was an FTS phrase of its own.
        Assert.Equal(["levy"], SearchTerms.Of(string.Join(' ', Enumerable.Repeat("levy", 500))));
        Assert.Equal(["Levy", "school"], SearchTerms.Of("Levy levy LEVY school, school!"));
        using var store = Corpus();
        Assert.Equal(store.Search("levy"), store.Search(string.Join(' ', Enumerable.Repeat("levy", 500))));
        Assert.Equal(store.Stories(query: "levy"), store.Stories(query: string.Join(' ', Enumerable.Repeat("levy", 2000))));
    }

    [Fact]
    public void More_than_the_term_limit_is_refused_with_a_message_that_says_the_limit()
    {
        using var store = Corpus();
        var words = string.Join(' ', Enumerable.Range(0, SearchTerms.MaxTerms + 1).Select(i => "w" + i));
        var e = Assert.Throws<SearchRefusedException>(() => store.Search(words));
        Assert.Contains($"at most {SearchTerms.MaxTerms}", e.Message, StringComparison.Ordinal);
        Assert.Throws<SearchRefusedException>(() => store.Stories(query: words));
        Assert.Equal(e.Message, SearchTerms.Problem(words));
        Assert.Null(SearchTerms.Problem(string.Join(' ', Enumerable.Range(0, SearchTerms.MaxTerms).Select(i => "w" + i))));
        // A huge query is not read past a little over the limit.
        Assert.NotNull(SearchTerms.Problem(string.Join(' ', Enumerable.Range(0, 100_000).Select(i => "w" + i))));
    }

    [Fact]
    public void A_search_over_its_budget_is_stopped_and_a_cancelled_one_throws()
    {
        using var store = Corpus();
        ((SqlCorpusStore)store).SearchBudget = TimeSpan.Zero;
        var e = Assert.Throws<SearchRefusedException>(() => store.Search("levy"));
        Assert.Equal(SearchTerms.TooSlow, e.Message);
        Assert.Throws<SearchRefusedException>(() => store.Stories(query: "levy"));
        Assert.NotEmpty(store.Stories()); // the unfiltered list has no budget to run out of
        ((SqlCorpusStore)store).SearchBudget = SearchTerms.Budget;
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => store.CancellableSearch("levy", 20, gone.Token));
        Assert.NotEmpty(store.Search("levy")); // the store is still good after both
    }

    [Fact]
    public void The_interrupt_stops_a_running_statement()
    {
        // What the budget does to a long search, made deterministic: a statement that would run for minutes.
        using var store = Corpus();
        var sqlite = (SqlCorpusStore)store;
        sqlite.SearchBudget = TimeSpan.FromMilliseconds(200);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<SearchRefusedException>(() => sqlite.RunBoundedForTests(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n", TestContext.Current.CancellationToken));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the endless statement was not interrupted");
    }

    [Fact]
    public void Reads_run_on_any_thread_at_once_beside_a_writer()
    {
        using var store = Corpus();
        // An open write transaction from another connection does not hold up reads (WAL, reader connections).
        using var writer = new SqliteConnection($"Data Source={store.Location};Pooling=False");
        writer.Open();
        using var t = writer.BeginTransaction();
        using (var cmd = writer.CreateCommand())
        {
            cmd.Transaction = t;
            cmd.CommandText = "UPDATE meta SET value = value WHERE key = 'generation'";
            cmd.ExecuteNonQuery();
        }
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                Assert.NotEmpty(store.Search("levy"));
                Assert.Equal(2, store.Stories().Count);
                Assert.NotNull(store.FindDocument("d1"));
                Assert.NotEmpty(store.StoryDocuments(store.Stories()[0].Id));
            }
            catch (Exception e) { errors.Add(e); }
        });
        Assert.Empty(errors);
    }
}
