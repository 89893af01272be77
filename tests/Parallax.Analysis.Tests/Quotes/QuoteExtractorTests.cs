using Parallax.Analysis.Quotes;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private static (string Content, string? Speaker, string? Label, QuoteKind Kind)[] Quotes(string text)
    {
        var d = Docs.Analyse(text);
        return d.Quotes.Select(q => (d.Slice(q.Content), q.Speaker is { } s ? d.Slice(s) : null, q.SpeakerLabel, q.Kind)).ToArray();
    }

    [Fact]
    public void Speaker_after_the_quote_with_straight_marks()
    {
        var q = Assert.Single(Quotes("Harbor Patrol Chief Lena Ortmann arrived.\n\"We closed the channel within the hour,\" Ortmann said."));
        Assert.Equal(("We closed the channel within the hour,", "Ortmann", null, QuoteKind.Direct), q);
    }

    [Fact]
    public void Speaker_after_the_cue_and_curly_marks()
    {
        var q = Assert.Single(Quotes("\u201CNobody was hurt on the water today,\u201D said Lena Ortmann, the harbor chief."));
        Assert.Equal("Lena Ortmann", q.Speaker);
        Assert.Equal("Nobody was hurt on the water today,", q.Content);
    }

    [Fact]
    public void Speaker_before_the_quote()
    {
        var q = Assert.Single(Quotes("Mayor Rosa Ilunga said: \"The city will pay for the repairs in full.\""));
        Assert.Equal("Rosa Ilunga", q.Speaker);
    }

    [Fact]
    public void A_quote_split_by_the_cue_keeps_its_speaker_for_both_parts()
    {
        var qs = Quotes("Council member Anna Vey spoke first.\n\"We asked for a review,\" she said. \"Nobody answered our letters.\"");
        Assert.Equal(2, qs.Length);
        Assert.All(qs, q => Assert.Equal("Anna Vey", q.Speaker));
    }

    [Fact]
    public void A_pronoun_resolves_to_the_last_speaker_not_the_last_name()
    {
        var qs = Quotes("In a statement, specialist Carla Wendt said officers helped after Tom Rudd refused to move.\n\"We stayed until the end,\" she said.");
        Assert.Equal("Carla Wendt", qs.Last().Speaker);
    }

    [Fact]
    public void She_after_a_paragraph_introducing_a_person_is_that_person_not_an_earlier_speaker()
    {
        var qs = Quotes("Fire Chief Tom Becker said crews waited for the engineers before moving anyone.\n\n" +
                        "Passenger Lina Marsh-Okafor, 46, filmed the wait.\n\nMarsh-Okafor rides the line most mornings.\n\n" +
                        "\"Everybody was quiet, and then everybody was on the phone,\" she said.");
        Assert.EndsWith("Marsh-Okafor", qs.Last().Speaker); // the latest mention names her; the story stage links it to the full name
    }

    [Fact]
    public void Names_inside_a_statement_do_not_become_the_next_speaker()
    {
        var qs = Quotes("Specialist Carla Wendt said officers helped after Tom Rudd refused to move his truck.\n\"We stayed until the end,\" she said.");
        Assert.Equal("Carla Wendt", qs.Last().Speaker);
    }

    [Fact]
    public void A_multi_paragraph_quote_is_one_quote()
    {
        var qs = Quotes("Anna Vey said: \"First paragraph of the statement goes here.\n\n\"Second paragraph closes it.\"");
        var q = Assert.Single(qs);
        Assert.StartsWith("First paragraph", q.Content);
        Assert.EndsWith("closes it.", q.Content);
    }

    [Fact]
    public void A_block_statement_after_had_this_to_say()
    {
        var qs = Quotes("Dario Feltz, port spokesman, had this to say:\n\nThe port regrets the delay. Repairs start Monday and will take two weeks.\n\nOther news followed.");
        var q = Assert.Single(qs);
        Assert.Equal(QuoteKind.Block, q.Kind);
        Assert.Equal("Dario Feltz", q.Speaker);
        Assert.Equal("The port regrets the delay. Repairs start Monday and will take two weeks.", q.Content);
    }

    [Fact]
    public void The_spokesperson_refers_to_the_latest_spokesperson_even_an_unnamed_one()
    {
        var qs = Quotes("Port spokesman Dario Feltz spoke Monday.\n\nA harbor police spokesperson confirmed the arrest.\n\"Officers followed the rules at every step,\" the spokesperson said.");
        var q = Assert.Single(qs, q => q.Kind == QuoteKind.Direct);
        Assert.Null(q.Speaker);
        Assert.Equal("A harbor police spokesperson", q.Label);
    }

    [Fact]
    public void Indirect_speech_after_a_named_speaker()
    {
        var q = Assert.Single(Quotes("In an interview, Rosa Ilunga said the bridge needs a full inspection before it reopens."));
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("Rosa Ilunga", q.Speaker);
        Assert.Equal("the bridge needs a full inspection before it reopens", q.Content);
    }

    [Fact]
    public void According_to_credits_the_clause_before_it()
    {
        var q = Assert.Single(Quotes("The tug had been inspected twice this year, according to the Coast Guard."));
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("The tug had been inspected twice this year", q.Content);
    }

    [Fact]
    public void Scare_quotes_and_quoted_names_are_not_statements() =>
        Assert.Empty(Quotes("The mother, listed online as \"Pucca Blue,\" called it a \"warrantless arrest\" in a post."));

    [Theory]
    [InlineData("He is 6' 2\" tall and was \"very calm about it all,\" a witness said.")]
    [InlineData("\"Unbalanced quote never closes\n\nNext paragraph without marks.")]
    [InlineData("\"\"\"\"\"\"\"\"")]
    [InlineData("Code: if (x == \"a\") { y = \"b\"; }")]
    public void Odd_marks_give_spans_inside_the_text_and_no_crash(string text)
    {
        var d = Docs.Analyse(text);
        foreach (var q in d.Quotes)
        {
            Assert.InRange(q.Content.Start, 0, text.Length);
            Assert.InRange(q.Content.End, q.Content.Start, text.Length);
        }
    }

    [Fact]
    public void Inch_marks_do_not_open_quotes() =>
        Assert.DoesNotContain(QuoteMarks.Find("He is 6' 2\" tall and calm."), s => s.Length > 0);

    [Fact]
    public void A_document_that_is_one_long_quote_is_linear()
    {
        var text = "\"" + string.Concat(Enumerable.Repeat("We will keep talking to the families every day. ", 20_000));
        var d = Docs.Analyse(text);
        Assert.Single(d.Quotes);
    }
}
