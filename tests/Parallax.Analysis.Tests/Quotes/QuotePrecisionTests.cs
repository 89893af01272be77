using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Quotes;

/// <summary>What is not reported speech although a cue word is there, and speakers that cannot speak: precision
/// first, on invented text.</summary>
public sealed class QuotePrecisionTests
{
    private static (string Content, string? Speaker, string? Label, QuoteKind Kind)[] Quotes(string text)
    {
        var d = Docs.Analyse(text);
        return d.Quotes.Select(q => (d.Slice(q.Content), q.Speaker is { } s ? d.Slice(s) : null, q.SpeakerLabel, q.Kind)).ToArray();
    }

    [Fact]
    public void A_refusal_with_an_infinitive_is_no_statement() =>
        Assert.Empty(Quotes("The Harlow Police Department declined to discuss the arrest or say if the window had to be broken."));

    [Fact]
    public void A_call_on_someone_to_act_is_no_statement() =>
        Assert.Empty(Quotes("Tenant groups called on the Harlow council to change its towing policy before spring."));

    [Fact]
    public void An_action_set_off_by_commas_is_no_aside() =>
        Assert.Empty(Quotes("He refused, asked to see the warrant, and tried to call his lawyer from the car."));

    [Fact]
    public void A_recording_never_speaks() =>
        Assert.Empty(Quotes("Footage showed an officer breaking the driver's side window with a small tool."));

    [Fact]
    public void A_participle_continues_the_subject_not_a_name_in_an_object()
    {
        var qs = Quotes("Wendell Strand arrived at noon.\n\nPort officers boxed in a truck driven by Wendell Strand, 58, claiming they had a warrant for his arrest.");
        var claim = Assert.Single(qs, q => q.Content.StartsWith("they had a warrant", StringComparison.Ordinal));
        Assert.NotEqual("Wendell Strand", claim.Speaker);
    }

    [Fact]
    public void A_vessel_named_in_the_story_never_speaks()
    {
        var qs = Quotes("The tug, the Brenna Mae, was pushing a barge south.\n\nDorrance Towing, which owns the Brenna Mae, had this to say:\n\n"
                        + "We are cooperating with investigators and are grateful that nobody was badly hurt.\n");
        var block = Assert.Single(qs, q => q.Kind == QuoteKind.Block);
        Assert.NotEqual("Brenna Mae", block.Speaker);
        Assert.NotEqual("Brenna Mae", block.Label);
    }

    [Fact]
    public void A_block_label_ends_at_its_first_comma()
    {
        var qs = Quotes("The letter, in its entirety, reads as follows:\n\nWe the residents of Kessling Heights ask the council for a full account of the towing contract.\n");
        Assert.Equal("The letter", Assert.Single(qs).Label);
    }

    [Fact]
    public void According_to_records_is_not_labelled_with_the_cue()
    {
        var q = Assert.Single(Quotes("In 2019, the board suspended the license of the operator for 90 days, according to agency records."));
        Assert.Equal("agency records", q.Label);
    }

    [Fact]
    public void A_statute_is_no_speaker() =>
        Assert.Empty(Quotes("According to Title 8 United States Code Section 1357, immigration officers shall have power without warrant."));

    [Fact]
    public void A_credit_line_after_a_dash_names_the_speaker()
    {
        var q = Assert.Single(Quotes("\u201CWe cannot keep waiting for the council to act on the harbor.\u201D \u2015 Lucia Marwick\n"));
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("Lucia Marwick", q.Speaker ?? q.Label);
    }

    [Fact]
    public void A_paragraph_ending_in_a_cue_and_colon_credits_the_next_quote()
    {
        var qs = Quotes("The hearing ran late into the evening.\n\nThe Kessling Ledger reports:\n\n"
                        + "\u201CThe budget leaves the harbor without a single inspector for the whole year.\u201D\n");
        var q = Assert.Single(qs, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Kessling Ledger", q.Speaker);
    }

    [Fact]
    public void Reported_speech_that_holds_its_own_source_is_a_subject_not_a_statement() =>
        Assert.DoesNotContain(Quotes("Geoff Tarrant, a Kessling resident and former aide to Congressman Emanuel Ruiz, said the council erred."),
            q => q.Content.Contains("former aide to Congressman", StringComparison.Ordinal));
}
