using Parallax.Analysis.Entities;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>A document of thousands of wire datelines (a feed dump pasted as one text): the entity stage stays linear,
/// each dateline a place and an agency. Invented text.</summary>
[Collection(nameof(TimingCollection))]
public sealed class DatelineBadInputTests
{
    private const string Line = "PARIS ( AFP ) - Talks resumed on Monday, officials said.\n";

    private static Document Build(int lines) => Docs.Sentences(string.Concat(Enumerable.Repeat(Line, lines)));

    [Fact]
    public void Many_datelines_are_each_read_in_linear_time()
    {
        var stage = new EntityStage(EntityLexicon.Default);
        var small = Build(2_000);
        var large = Build(20_000);
        var once = stage.Run(small, CancellationToken.None);
        Assert.Equal(2_000, once.Entities.Count(m => m.Type == EntityType.Org && once.Slice(m.Span) == "AFP"));
        LinearTime.Assert(() => stage.Run(small, CancellationToken.None), () => stage.Run(large, CancellationToken.None));
    }
}
