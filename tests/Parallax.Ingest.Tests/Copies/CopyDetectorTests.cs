using Parallax.Ingest.Copies;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Copies;

public sealed class CopyDetectorTests
{
    private static readonly string[] Vocabulary =
        ("council bridge river officials said repairs weeks closed traffic detour residents mayor police report storm " +
         "inspectors cracks piers cost million dollars vote meeting county state department road night morning crews " +
         "power homes lines water school park budget plan week year city town").Split(' ');

    /// <summary>An invented story of <paramref name="sentences"/> sentences drawn from a small vocabulary.</summary>
    private static string Story(int seed, int sentences = 20)
    {
        var rng = new Random(seed);
        return string.Join(" ", Enumerable.Range(0, sentences).Select(_ =>
            string.Join(" ", Enumerable.Range(0, 12).Select(_ => Vocabulary[rng.Next(Vocabulary.Length)])) + "."));
    }

    private static Document Doc(string id, string text, DateOnly? published = null) => new()
    {
        Id = id, Origin = id + ".txt", Text = text,
        Metadata = new DocumentMetadata { Published = published is { } p ? new Sourced<DateOnly>(p, MetadataSource.Input) : null },
    };

    [Fact]
    public void Exact_duplicates_are_collapsed_into_the_first()
    {
        var text = Story(1);
        var result = CopyDetector.Default.Find([Doc("d1", text), Doc("d2", Story(2)), Doc("d3", text.Replace(". ", ".\n\n", StringComparison.Ordinal))]);
        Assert.Equal(["d1", "d2"], result.Documents.Select(d => d.Id));
        var dup = Assert.Single(result.Duplicates);
        Assert.Equal("d3.txt", dup.Origin);
        Assert.Contains("exact duplicate of d1", dup.Reason);
    }

    [Fact]
    public void Lightly_edited_copy_points_at_the_earliest_by_date()
    {
        var wire = Story(7);
        var words = wire.Split(' ');
        // The later outlet's version: a new first sentence, a few words changed, the last sentence cut.
        for (int i = 30; i < words.Length; i += 40) words[i] = "harbour";
        var edited = "Local angle sentence added by the outlet first. " + string.Join(' ', words[..^12]);
        var result = CopyDetector.Default.Find([
            Doc("d1", edited, new DateOnly(2019, 7, 24)),
            Doc("d2", Story(8)),
            Doc("d3", wire, new DateOnly(2019, 7, 23)),
        ]);
        var byId = result.Documents.ToDictionary(d => d.Id);
        Assert.Equal("d3", byId["d1"].CopyOf?.Original);
        Assert.True(byId["d1"].CopyOf!.Similarity is > 0.6 and < 1);
        Assert.Null(byId["d2"].CopyOf);
        Assert.Null(byId["d3"].CopyOf);
        Assert.Empty(result.Duplicates);
    }

    [Fact]
    public void Copies_of_copies_point_at_the_source()
    {
        var wire = Story(11);
        var result = CopyDetector.Default.Find([Doc("d1", wire), Doc("d2", "Intro. " + wire), Doc("d3", wire + " Outro.")]);
        Assert.All(result.Documents.Skip(1), d => Assert.Equal("d1", d.CopyOf?.Original));
    }

    [Fact]
    public void Different_stories_and_short_texts_are_not_copies()
    {
        var docs = Enumerable.Range(0, 30).Select(i => Doc("d" + i, Story(100 + i))).Append(Doc("s1", "Short brief.")).Append(Doc("s2", "Short brief!")).ToList();
        var result = CopyDetector.Default.Find(docs);
        Assert.All(result.Documents, d => Assert.Null(d.CopyOf));
        Assert.Single(result.Duplicates); // the two briefs are the same words: an exact duplicate, not a near copy
    }
}
