using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Parts, wider totals and earlier events' figures are linked to the whole fact of the same measure and holder
/// (<see cref="Fact.PartOf"/>), never counted against it; loose measures and other holders are not linked.</summary>
public sealed class FactPartRulesTests
{
    private static FactAlignment Align(params string[] texts) =>
        FactAlignerTests.Align([.. texts.Select((t, i) => FactAlignerTests.Doc($"d{i + 1}", t))]);

    private static Fact WithScope(FactAlignment r, string scope) => Assert.Single(r.Facts, f => f.Claims.Any(c => c.Scope == scope));

    [Fact]
    public void A_part_is_listed_beside_the_whole_of_its_measure()
    {
        var r = Align("Four people were killed in the Harlan blast, police said.", "Two more people were killed in the Harlan blast, police said.");
        var part = WithScope(r, "part");
        var whole = WithScope(r, "whole");
        Assert.Equal(whole.Id, part.PartOf);
        Assert.Null(whole.PartOf);
        Assert.Contains(part.Evidence, e => e.StartsWith($"listed beside {whole.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }

    [Fact]
    public void A_wider_total_is_listed_beside_the_story_figure()
    {
        var r = Align("Three people were killed in the Harlan shooting on Friday.",
            "Eleven people were killed in shootings across Harlan this weekend, police said.");
        Assert.Equal(WithScope(r, "whole").Id, WithScope(r, "roundup").PartOf);
    }

    [Fact]
    public void An_earlier_events_figure_is_listed_beside_the_story_figure()
    {
        var r = Align("Three people were killed in the Harlan shooting on Friday.",
            "Three people were killed in the Harlan shooting. Last year, five people were killed in a similar attack.");
        var background = WithScope(r, "background");
        Assert.Equal(WithScope(r, "whole").Id, background.PartOf);
    }

    [Fact]
    public void A_loose_measure_is_not_linked()
    {
        // "people" with nothing done to them says too little to put one under the other.
        var r = Align("Twelve people were at the Harlan office.", "At least three other people were at the Harlan office.");
        WithScope(r, "part");
        Assert.All(r.Facts, f => Assert.Null(f.PartOf));
    }

    [Fact]
    public void A_part_of_another_measure_is_not_linked()
    {
        var r = Align("Four people were killed in the Harlan blast, police said.", "Two more people were injured in the Harlan blast, police said.");
        WithScope(r, "part");
        Assert.All(r.Facts, f => Assert.Null(f.PartOf));
    }

    [Fact]
    public void Of_two_wholes_the_one_more_documents_state_takes_the_part()
    {
        var r = Align("Four people were killed in the Harlan blast.", "Four people were killed in the Harlan blast, police said.",
            "Nine people were killed in the Harlan blast, a witness said. Two more people were killed in the Harlan blast.");
        var part = WithScope(r, "part");
        var target = r.Facts.Single(f => f.Id == part.PartOf);
        Assert.True(target.Claims.Select(c => c.Span.Doc).Distinct().Count() >= 2);
    }
}
