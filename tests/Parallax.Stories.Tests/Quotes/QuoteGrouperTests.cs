using Parallax.Model;
using Parallax.Stories.Quotes;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Quotes;

public sealed class QuoteGrouperTests
{
    private static QuoteGrouper.Occurrence Occ(Document d, int quote, string? speaker) => new(d, d.Quotes[quote], speaker, null);

    [Fact]
    public void The_same_statement_with_cuts_brackets_and_punctuation_changes_is_one_group_with_a_speaker_conflict()
    {
        var a = StoryDocs.Doc("d1", "\"We locked the gate at eight and our officers stayed with the passengers until every one was ashore,\" Sgt. Ray Tolliver said.");
        var b = StoryDocs.Doc("d2", "\"We locked [the gate] at eight... our officers stayed with the passengers until every one was ashore.\" specialist Carla Wendt said.");
        var c = StoryDocs.Doc("d3", "\"Traffic on the bridge resumed at noon,\" Tolliver said.");
        int n = 0;
        var groups = QuoteGrouper.Group([Occ(a, 0, "e1"), Occ(b, 0, "e2"), Occ(c, 0, "e1")], () => $"q{++n}");
        Assert.Equal(2, groups.Length);
        var shared = groups.Single(g => g.Occurrences.Length == 2);
        Assert.True(shared.SpeakerConflict);
        Assert.False(groups.Single(g => g.Occurrences.Length == 1).SpeakerConflict);
    }

    [Fact]
    public void Occurrences_without_a_named_speaker_do_not_make_a_conflict()
    {
        var a = StoryDocs.Doc("d1", "\"Our officers stayed with the passengers until every one was ashore,\" Sgt. Ray Tolliver said.");
        var b = StoryDocs.Doc("d2", "\"Our officers stayed with the passengers until every one was ashore,\" police said.");
        int n = 0;
        var g = Assert.Single(QuoteGrouper.Group([Occ(a, 0, "e1"), Occ(b, 0, null)], () => $"q{++n}"));
        Assert.False(g.SpeakerConflict);
        Assert.Equal("e1", g.Speaker);
    }

    [Fact]
    public void Different_statements_that_share_a_few_common_words_stay_apart()
    {
        var a = StoryDocs.Doc("d1", "\"We will review the contracts this week,\" Mayor Elena Ortiz said.");
        var b = StoryDocs.Doc("d2", "\"We will not review anything until the report is out,\" Chief Tom Becker said.");
        int n = 0;
        Assert.Equal(2, QuoteGrouper.Group([Occ(a, 0, "e1"), Occ(b, 0, "e2")], () => $"q{++n}").Length);
    }

    [Fact]
    public void Another_persons_paraphrase_that_borrows_a_phrase_is_not_the_same_statement()
    {
        var direct = StoryDocs.Doc("d1", "\"For about 40 minutes the operator kept passengers aboard while engineers confirmed the span had not shifted,\" Curtis Alvord said.");
        var paraphrase = StoryDocs.Doc("d2", "Fire Chief Tom Becker said crews would not move anyone until engineers confirmed the span had not shifted.");
        Assert.Equal(QuoteKind.Indirect, paraphrase.Quotes[0].Kind);
        int n = 0;
        Assert.Equal(2, QuoteGrouper.Group([Occ(direct, 0, "e1"), Occ(paraphrase, 0, "e2")], () => $"q{++n}").Length);
    }

    [Fact]
    public void A_short_phrase_echoed_inside_a_long_statement_is_not_that_statement()
    {
        var statement = StoryDocs.Doc("d1", "\"There is no judicial warrant here and the officers told him it was a warrantless arrest and they knew him,\" attorney Nina Ruiz said.");
        var echo = StoryDocs.Doc("d2", "Agents said it was a \u201Cwarrantless arrest.\u201D");
        int n = 0;
        var occurrences = new[] { Occ(statement, 0, "e1") }.Concat(echo.Quotes.Select((q, k) => Occ(echo, k, "e2"))).ToList();
        Assert.All(QuoteGrouper.Group(occurrences, () => $"q{++n}"), g => Assert.False(g.SpeakerConflict));
    }

    [Fact]
    public void Words_drop_punctuation_brackets_and_apostrophes() =>
        Assert.Equal(["roll", "the", "window", "down", "or", "im", "going"], QuoteGrouper.Words("roll [the window] down… or I’m going"));

    [Fact]
    public void A_description_linked_to_a_person_credits_that_person()
    {
        // "the father" refers to the man the text makes a father; the quote is his, not the label "a father".
        var d = StoryDocs.Doc("d1",
            "Agents stopped Tomas Reyes-Olmedo, 41, while his partner and children watched.\n"
            + "\"You cannot break my window, it is my property,\" the father said.");
        var story = Assert.Single(new StoryBuilder().Build([d], [], TestContext.Current.CancellationToken).Stories);
        var tomas = Assert.Single(story.Entities, e => e.Name == "Tomas Reyes-Olmedo");
        var quote = Assert.Single(story.Quotes, q => q.Text.Contains("my property", StringComparison.Ordinal));
        var occurrence = Assert.Single(quote.Occurrences);
        Assert.Equal(tomas.Id, occurrence.Speaker);
        Assert.Null(occurrence.SpeakerLabel);
        Assert.Equal("the father", d.Slice(occurrence.Source!.Value.Span));
    }

    [Fact]
    public void Occurrences_carry_the_source_the_extractor_stored()
    {
        var d = StoryDocs.Doc("d1", "\"Our officers stayed with the passengers until every one was ashore,\" Sgt. Ray Tolliver said.");
        int n = 0;
        var group = Assert.Single(QuoteGrouper.Group([Occ(d, 0, "e1")], () => $"q{++n}"));
        var source = Assert.Single(group.Occurrences).Source!.Value;
        Assert.Equal(d.Quotes[0].Source, source.Span);
        Assert.Equal("Sgt. Ray Tolliver", d.Slice(source.Span));
    }
}

public sealed class QuoteGrouperStatementTests
{
    private static QuoteGrouper.Occurrence Occ(Document d, int quote, string? speaker) => new(d, d.Quotes[quote], speaker, null);

    [Fact]
    public void Two_statements_of_one_document_stay_two_quotes_when_another_prints_them_together()
    {
        // d1 quotes two sentences of a release separately; d2 prints the release whole. The release joins one of them,
        // never both: the two are different statements.
        var a = StoryDocs.Doc("d1", "\"Ortega complied with the judge's order by returning to Mexico in the spring,\" Neudauer said.\n\n"
                                    + "\"However, five days after he returned to Mexico, he was found crossing again under an assumed name,\" Neudauer added.");
        var b = StoryDocs.Doc("d2", "The agency's spokesman had this to say:\n\nOrtega complied with the judge's order by returning to Mexico in the spring. "
                                    + "However, five days after he returned to Mexico, he was found crossing again under an assumed name.\n");
        Assert.Equal(2, a.Quotes.Length);
        int n = 0;
        var groups = QuoteGrouper.Group([Occ(a, 0, "e1"), Occ(a, 1, "e1"), Occ(b, 0, "e1")], () => $"q{++n}");
        Assert.Equal(2, groups.Length);
        Assert.All(groups, g => Assert.True(g.Occurrences.Count(o => o.Span.Doc == "d1") <= 1));
    }

    [Fact]
    public void A_short_line_credited_to_two_named_people_is_two_statements()
    {
        // Two people may say the same short line; only a long shared statement is one statement with a disputed speaker.
        var a = StoryDocs.Doc("d1", "\"We will review every towing contract this week,\" Ray Tolliver said.");
        var b = StoryDocs.Doc("d2", "\"We will review every towing contract this week,\" Carla Wendt said.");
        Assert.Equal(EntityType.Person, a.Entities.First(e => a.Slice(e.Span) == "Ray Tolliver").Type);
        Assert.Equal(EntityType.Person, b.Entities.First(e => b.Slice(e.Span) == "Carla Wendt").Type);
        int n = 0;
        Assert.Equal(2, QuoteGrouper.Group([Occ(a, 0, "e1"), Occ(b, 0, "e2")], () => $"q{++n}").Length);
    }
}
