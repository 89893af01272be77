using Parallax.Analysis.Tests.Support;

namespace Parallax.Analysis.Tests.Quotes;

/// <summary>A capitalised common word at a sentence's start ("Fire officials said …") is no speaker's name: the
/// speaker is the description it opens.</summary>
public sealed class SpeakerLabelTests
{
    private static (string Content, string? Speaker, string? Label)[] Quotes(string text)
    {
        var d = Docs.Analyse(text);
        return d.Quotes.Select(q => (d.Slice(q.Content), q.Speaker is { } s ? d.Slice(s) : null, q.SpeakerLabel)).ToArray();
    }

    [Theory]
    [InlineData("The Port Alden Fire Department sent two engines to the bridge.\n\nFire officials said five people were hospitalized with minor injuries after the streetcar stopped.", "Fire")]
    [InlineData("Crews from the Harbor Authority worked through the night.\n\nHarbor officials said the channel would reopen to barges by Friday afternoon.", "Harbor")]
    [InlineData("The Local 12 union represents the drivers.\n\nLocal officials said the route would stay closed while engineers inspected the span.", "Local")]
    public void A_word_qualifying_a_role_noun_is_no_speaker(string text, string word)
    {
        var q = Assert.Single(Quotes(text), q => q.Content.Contains("would", StringComparison.Ordinal) || q.Content.Contains("hospitalized", StringComparison.Ordinal));
        Assert.NotEqual(word, q.Speaker);
        Assert.NotEqual(word, q.Label);
        Assert.Equal($"{word} officials", q.Label);
    }

    [Fact]
    public void A_one_word_name_before_its_cue_still_speaks()
    {
        var q = Assert.Single(Quotes("Dana Whitfield runs the ferry office.\n\nWhitfield said the ferries would keep running while the bridge stayed closed."));
        Assert.Equal("Whitfield", q.Speaker);
    }
}
