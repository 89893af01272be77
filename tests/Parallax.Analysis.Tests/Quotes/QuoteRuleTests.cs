using Parallax.Analysis.Quotes;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Quotes;

/// <summary>The attribution rules tuned on PolNeAR: one test per rule, on invented text.</summary>
public sealed class QuoteRuleTests
{
    private static (string Content, string? Speaker, string? Label, QuoteKind Kind, string? Cue)[] Quotes(string text)
    {
        var d = Docs.Analyse(text);
        return d.Quotes.Select(q => (d.Slice(q.Content), q.Speaker is { } s ? d.Slice(s) : null, q.SpeakerLabel, q.Kind,
            q.Cue is { } c ? d.Slice(c) : null)).ToArray();
    }

    private static string? Source(string text, Func<Quote, bool>? which = null)
    {
        var d = Docs.Analyse(text);
        var q = d.Quotes.First(which ?? (_ => true));
        return QuoteSource.Find(d, q) is { } s ? d.Slice(s) : null;
    }

    [Fact]
    public void Doubled_apostrophes_are_quotation_marks()
    {
        var q = Assert.Single(Quotes("''This isn't tax reform at all,'' said Mr. Dario Feltz, an economist."));
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("This isn't tax reform at all,", q.Content);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Doubled_apostrophes_pair_like_straight_marks() =>
        Assert.Equal(["We will win the harbor vote,"], QuoteMarks.Find("''We will win the harbor vote,'' she said.").Select(s => "''We will win the harbor vote,'' she said."[s.Start..s.End]));

    [Fact]
    public void A_quoted_phrase_inside_reported_speech_is_not_a_direct_quote()
    {
        var qs = Quotes("Mayor Rosa Ilunga said the council would \"fix the bridge before winter\" and hire more inspectors.");
        Assert.DoesNotContain(qs, q => q.Kind == QuoteKind.Direct);
        var q = Assert.Single(qs);
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Contains("fix the bridge before winter", q.Content);
        Assert.Equal("Rosa Ilunga", q.Speaker);
    }

    [Fact]
    public void A_quote_after_the_cue_verb_stays_direct() =>
        Assert.Contains(Quotes("Rosa Ilunga said \"we will fix the bridge before winter.\""), q => q.Kind == QuoteKind.Direct);

    [Fact]
    public void Speaker_last_reported_speech_takes_the_clause_before_the_comma()
    {
        var q = Assert.Single(Quotes("The harbor protocol called for a full inspection of the tug, sources said."));
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("The harbor protocol called for a full inspection of the tug", q.Content);
        Assert.Equal("said", q.Cue);
        Assert.Equal("sources", q.Label);
    }

    [Fact]
    public void Speaker_first_reported_speech_keeps_that()
    {
        var q = Assert.Single(Quotes("The Harbor Gazette reports that the tug skipped its inspection in March."));
        Assert.Equal("that the tug skipped its inspection in March", q.Content);
        Assert.Equal("reports", q.Cue);
    }

    [Fact]
    public void An_unnamed_subject_is_kept_as_a_label()
    {
        var q = Assert.Single(Quotes("The administration said it was doing its best to follow the rules."));
        Assert.Equal("it was doing its best to follow the rules", q.Content);
        Assert.Equal("The administration", q.Label);
    }

    [Fact]
    public void An_attribution_set_off_by_commas_takes_the_whole_sentence()
    {
        var q = Assert.Single(Quotes("But the years that followed, he said, brought a fundamental shift in the harbor."));
        Assert.Equal("But the years that followed, he said, brought a fundamental shift in the harbor", q.Content);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void According_to_at_the_start_credits_the_clause_after_the_comma()
    {
        var q = Assert.Single(Quotes("According to the new poll, Ilunga leads the race by ten points."));
        Assert.Equal("Ilunga leads the race by ten points", q.Content);
        Assert.Equal("According to", q.Cue);
    }

    [Fact]
    public void According_to_without_a_comma_credits_the_clause_before_it()
    {
        var q = Assert.Single(Quotes("Ilunga leads the race by ten points according to the new poll."));
        Assert.Equal("Ilunga leads the race by ten points", q.Content);
    }

    [Fact]
    public void A_verb_of_stance_attributes_its_object()
    {
        var q = Assert.Single(Quotes("Senator Rosa Ilunga criticized the harbor plan as too costly for the city."));
        Assert.Equal("criticized", q.Cue);
        Assert.Equal("the harbor plan as too costly for the city", q.Content);
    }

    [Fact]
    public void An_opening_phrase_before_the_speaker_is_not_a_speaker_last_tail()
    {
        var q = Assert.Single(Quotes("Earlier, in his opening remarks, Rosa Ilunga said she was ready to rebuild the bridge."));
        Assert.Equal("she was ready to rebuild the bridge", q.Content);
        Assert.Equal("Rosa Ilunga", q.Speaker);
    }

    [Fact]
    public void A_noun_that_looks_like_a_cue_before_a_comma_is_a_noun()
    {
        var q = Assert.Single(Quotes("On the morning shows, Rosa Ilunga said she was ready to rebuild the bridge."));
        Assert.Equal("said", q.Cue);
        Assert.Equal("she was ready to rebuild the bridge", q.Content);
    }

    [Fact]
    public void Told_skips_a_named_addressee_without_that()
    {
        var q = Assert.Single(Quotes("Rosa Ilunga told the Harbor Gazette she has received hundreds of emails about the bridge."));
        Assert.Equal("told", q.Cue);
        Assert.Equal("she has received hundreds of emails about the bridge", q.Content);
    }

    [Fact]
    public void Reported_speech_before_a_quote_the_splitter_joined_is_found()
    {
        var qs = Quotes("Rosa Ilunga said the new bridge is a positive development for the port. ''Nobody else gets along with the council,'' she said.");
        Assert.Contains(qs, q => q.Kind == QuoteKind.Indirect && q.Content == "the new bridge is a positive development for the port");
        Assert.Contains(qs, q => q.Kind == QuoteKind.Direct && q.Speaker == "Rosa Ilunga");
    }

    [Fact]
    public void A_name_and_colon_opening_a_line_credits_the_rest_of_it()
    {
        var q = Assert.Single(Quotes("Rosa Ilunga: Harbor bridge will reopen before winter\n\nThe city council met on Monday."));
        Assert.Equal("Harbor bridge will reopen before winter", q.Content);
        Assert.Equal(":", q.Cue);
        Assert.Empty(Quotes("The reason was simple: the harbor bridge had failed its inspection."));
    }

    [Fact]
    public void A_colon_before_a_quote_credits_the_subject_whatever_the_verb()
    {
        var q = Assert.Single(Quotes("Harbor Chief Lena Ortmann grumbled to him: \"Nobody was hurt on the water today.\""));
        Assert.Equal("Lena Ortmann", q.Speaker);
        Assert.Equal("grumbled", q.Cue);
        Assert.Equal(QuoteKind.Direct, q.Kind);
    }

    [Fact]
    public void Source_is_the_whole_phrase_with_title_and_apposition()
    {
        Assert.Equal("Kevin Madden, a Republican communications strategist",
            Source("Kevin Madden, a Republican communications strategist, said the party was split over the bridge.")?.TrimEnd(','));
        Assert.Equal("Former Harbor Chief Lena Ortmann",
            Source("\"We closed the channel within the hour,\" said Former Harbor Chief Lena Ortmann."));
    }

    [Fact]
    public void Source_is_the_pronoun_next_to_the_cue() =>
        Assert.Equal("she", Source("Lena Ortmann arrived.\n\"We closed the channel within the hour,\" she said."));

    [Fact]
    public void Source_of_an_unnamed_speaker_is_its_phrase() =>
        Assert.Equal("The newspaper", Source("The newspaper reported that the tug had skipped two inspections."));

    [Fact]
    public void The_stage_stores_the_source_on_the_quote()
    {
        var d = Docs.Analyse("Harbor Chief Lena Ortmann said the tug had skipped two inspections in March.");
        var q = Assert.Single(d.Quotes);
        Assert.NotNull(q.Source);
        Assert.Equal(QuoteSource.Find(d, q), q.Source);
        Assert.Equal("Harbor Chief Lena Ortmann", d.Slice(q.Source!.Value));
    }

    [Fact]
    public void Source_keeps_a_party_and_state_after_the_name() =>
        Assert.Equal("Sen. Dario Feltz (D-R.I.)", Source("Sen. Dario Feltz (D-R.I.) said the harbor fund would run dry by March."));

    [Fact]
    public void Source_is_the_relative_pronoun_before_auxiliaries_and_adverbs() =>
        Assert.Equal("who", Source("The plan drew fire from Lena Ortmann, who has repeatedly said the harbor fund is too small."));

    [Fact]
    public void Source_leaves_out_an_adverb_between_it_and_the_cue() =>
        Assert.Equal("Lena Ortmann", Source("Lena Ortmann often said that the harbor fund was far too small for the work."));

    [Fact]
    public void Source_leaves_out_an_aside_set_off_by_commas() =>
        Assert.Equal("Lena Ortmann", Source("Lena Ortmann, in turn, said that the harbor fund was far too small for the work."));

    [Fact]
    public void Source_after_the_cue_takes_a_second_apposition() =>
        Assert.Equal("Dario Feltz, president of Harbor Watch, a local advocacy group",
            Source("The harbor fund is far too small for the work, said Dario Feltz, president of Harbor Watch, a local advocacy group."));

    [Fact]
    public void Source_of_a_participle_cue_is_the_pronoun_opening_the_sentence() =>
        Assert.Equal("She", Source("Lena Ortmann spoke at noon.\nShe left the meeting early, saying the harbor fund was far too small for the work.",
            q => q.Cue is { } c && c.End - c.Start == "saying".Length));

    [Theory]
    [InlineData("whether it", false)]
    [InlineData("if they", false)]
    [InlineData("July 22", false)]
    [InlineData("to reporters", false)]
    [InlineData("it", false)]
    [InlineData("They", false)]
    [InlineData("the father", true)]
    [InlineData("A Kansas City Police Department spokesperson", true)]
    [InlineData("sources", true)]
    public void A_speaker_label_must_read_as_a_noun_phrase(string label, bool expected) =>
        Assert.Equal(expected, QuoteExtractor.IsNounPhraseLabel(label));

    [Fact]
    public void A_clause_is_never_kept_as_a_speaker_label()
    {
        var d = Docs.Analyse("Asked whether it would change the policy, the department did not immediately respond to questions.");
        Assert.All(d.Quotes, q => Assert.True(q.SpeakerLabel is null || QuoteExtractor.IsNounPhraseLabel(q.SpeakerLabel)));
    }

    [Fact]
    public void Plural_present_cues_report_speech() =>
        Assert.Contains(Quotes("Critics argue that the harbor fund is far too small for the work."),
            q => q.Kind == QuoteKind.Indirect && q.Cue == "argue" && q.Content.StartsWith("that the harbor fund", StringComparison.Ordinal));

    [Fact]
    public void A_sentence_with_a_speaker_last_tail_keeps_the_attribution_inside_it()
    {
        var qs = Quotes("Harbor Chief Lena Ortmann said the tug skipped two inspections, but the fund should stay as it is, sources said.");
        Assert.Contains(qs, q => q.Cue == "said" && q.Label == "sources" && q.Content.StartsWith("Harbor Chief", StringComparison.Ordinal));
        Assert.Contains(qs, q => q.Cue == "said" && q.Speaker == "Lena Ortmann" && q.Content.StartsWith("the tug skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Told_skips_a_capitalised_addressee_the_recogniser_missed() =>
        Assert.Contains(Quotes("The two harbor pilots told AP they had checked the tug twice before it sailed."),
            q => q.Cue == "told" && q.Content.StartsWith("they had checked", StringComparison.Ordinal));

    [Fact]
    public void A_short_reply_with_its_cue_right_after_is_a_statement()
    {
        var q = Assert.Single(Quotes("\"Never again,\" said Dario Feltz, a harbor pilot."));
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("Dario Feltz", q.Speaker);
    }

    [Fact]
    public void Present_tense_cues_after_a_quote() =>
        Assert.Equal("adds", Assert.Single(Quotes("\"The channel is open again for every ship,\" Feltz adds.")).Cue);

    [Fact]
    public void Source_is_null_without_a_cue() =>
        Assert.Null(QuoteSource.Find(Docs.Analyse("x"), new Quote(new TextSpan(0, 1), QuoteKind.Direct, null, null, null)));
}
