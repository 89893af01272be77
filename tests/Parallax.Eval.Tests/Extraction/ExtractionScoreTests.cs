using Parallax.Eval.Extraction;

namespace Parallax.Eval.Tests.Extraction;

public sealed class ExtractionScoreTests
{
    private static readonly AnnotatedPage Page = new("https://x.example/a", "a.html",
        ["The bridge closed on Tuesday.", "Repairs take six weeks."], ["Subscribe to our newsletter", "Related stories"]);

    [Fact]
    public void Snippets_count_as_trafilatura_defines_them()
    {
        var c = SnippetCounts.Score("The bridge closed\n\non Tuesday. Related stories: more", Page);
        Assert.Equal(new SnippetCounts(1, 1, 1, 1), c);
        Assert.Equal(0.5, c.Precision);
        Assert.Equal(0.5, c.Recall);
        Assert.Equal(0.5, c.F1);
    }

    [Fact]
    public void No_output_misses_every_keep_and_leaks_nothing()
    {
        Assert.Equal(new SnippetCounts(0, 2, 0, 2), SnippetCounts.Score(null, Page));
        Assert.Equal(0, SnippetCounts.Score("", Page).F1);
    }

    [Fact]
    public void Shingle_f1_is_one_for_the_same_words_and_ignores_case_and_punctuation()
    {
        var (p, r, f) = ShingleScore.Score("The bridge closed, on Tuesday!\n\nRepairs take weeks.", "the bridge closed on tuesday repairs take weeks");
        Assert.Equal((1.0, 1.0, 1.0), (p, r, f));
    }

    [Fact]
    public void Shingle_f1_penalises_extra_and_missing_text()
    {
        const string reference = "one two three four five six seven eight";
        var (p, r, _) = ShingleScore.Score("one two three four five six seven eight nine ten eleven twelve", reference);
        Assert.Equal(1.0, r);
        Assert.True(p is > 0.5 and < 0.6, p.ToString(System.Globalization.CultureInfo.InvariantCulture)); // 5 of 9 shingles
        var (p2, r2, _) = ShingleScore.Score("one two three four five", reference);
        Assert.Equal(1.0, p2);
        Assert.Equal(0.4, r2, 3);
    }

    [Fact]
    public void Repeated_text_is_not_free()
    {
        var (p, _, _) = ShingleScore.Score("a b c d a b c d", "a b c d");
        Assert.True(p < 0.5);
    }

    [Fact]
    public void Parallax_extraction_on_the_first_200_pages_stays_above_its_floor()
    {
        var shared = RepositoryPaths.RequireShared(Path.Combine("data", "extraction", "trafilatura-eval"));
        using var set = ExtractionSet.Open(Path.GetFullPath(Path.Combine(shared, "..", "..", "..")), limit: 200);
        var result = ExtractionEvaluation.Parallax(set, ExtractionEvaluation.Load(set));
        Assert.Equal(200, result.Pages);
        // Floor pinned from `parallax eval extract --limit 200`, rounded down; lowering it is an explicit act.
        Assert.True(result.Counts.F1 >= Floor, $"F1 {result.Counts.F1:0.000} < floor {Floor}");
    }

    private const double Floor = 0.88;
}
