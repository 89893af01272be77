using FsCheck;
using FsCheck.Xunit;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var toks = Tokenizer.Tokenize(text);
        return SentenceSplitter.Split(text, toks).Select(s => text[s.Start..s.End]).ToArray();
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences() =>
        Assert.Equal(
            ["Sgt. Jacob Becchina met Nancy Z. Olivares in Kansas City, Mo. on Monday.", "They talked."],
            Sentences("Sgt. Jacob Becchina met Nancy Z. Olivares in Kansas City, Mo. on Monday. They talked."));

    [Fact]
    public void Initialism_followed_by_a_name_continues() =>
        Assert.Single(Sentences("Agents of U.S. Immigration and Customs Enforcement arrived."));

    [Fact]
    public void Initialism_at_the_end_splits_before_a_clear_sentence_start() =>
        Assert.Equal(2, Sentences("He was removed from the U.S. He returned later.").Length);

    [Fact]
    public void Closing_quote_stays_with_its_sentence_and_a_new_quote_opens_the_next()
    {
        var s = Sentences("\"This happens from time to time,\" she said. \"Many times we help.\" Then he left.");
        Assert.Equal(["\"This happens from time to time,\" she said.", "\"Many times we help.\"", "Then he left."], s);
    }

    [Fact]
    public void Ellipsis_before_lower_case_does_not_split() =>
        Assert.Single(Sentences("\u201CI\u2019m so scared ... daddy,\u201D a voice said."));

    [Fact]
    public void Line_breaks_end_sentences_without_punctuation() =>
        Assert.Equal(["A headline without a period", "Body starts here."], Sentences("A headline without a period\nBody starts here."));

    [Fact]
    public void Decimal_numbers_do_not_split() =>
        Assert.Single(Sentences("Missouri Statute 67.307 applies here."));

    [Fact]
    public void Text_without_any_punctuation_is_one_sentence() =>
        Assert.Single(Sentences(string.Join(' ', Enumerable.Repeat("word", 5000))));

    [Fact]
    public void Reference_marks_close_the_sentence_before_them() =>
        Assert.Equal(
            ["He died in 2014. [4]", "Fillmore taught. [2] [7]", "Later he left. [citation needed]", "Then it ended."],
            Sentences("He died in 2014. [4] Fillmore taught. [2] [7] Later he left. [citation needed] Then it ended."));

    [Fact]
    public void A_quoted_question_with_its_speech_verb_is_one_sentence() =>
        Assert.Equal(["“Where’s your mom?” Betty asked.", "“Sorry!” I say.", "“Go!”", "He ran."],
            Sentences("“Where’s your mom?” Betty asked. “Sorry!” I say. “Go!” He ran."));

    [Fact]
    public void A_list_number_is_not_a_sentence() =>
        Assert.Equal(["1. Introduction", "We begin."], Sentences("1. Introduction\nWe begin."));

    [Fact]
    public void Mid_sentence_abbreviations_never_split() =>
        Assert.Single(Sentences("Some fans (e.g. \"the Bobs\") came, c. 1580, born (b. March 2009) and Smith vs. Jones."));

    [Fact]
    public void A_parenthesis_after_an_initialism_continues_the_sentence() =>
        Assert.Single(Sentences("It is one of the largest cities in the U.S. (from 1890 until 1970) and grew."));

    [Fact]
    public void Contractions_and_camel_case_words_start_sentences()
    {
        Assert.Equal(2, Sentences("It is now 5:19 p.m. We're making dinner.").Length);
        Assert.Equal(2, Sentences("I ran a site called eHow. eHow was big.").Length);
    }

    [Fact]
    public void Etc_before_a_capital_ends_the_sentence() =>
        Assert.Equal(2, Sentences("Alerts, email, RSS, etc. Anything that waits is bad.").Length);

    [Fact]
    public void A_mistyped_opening_quote_after_the_period_closes_the_sentence() =>
        Assert.Equal(["“We are disappointed with the decision.“", "However, work goes on."],
            Sentences("“We are disappointed with the decision.“ However, work goes on."));

    [Fact]
    public void No_as_a_word_ends_a_sentence() =>
        Assert.Equal(["Cara, no.", "No hands."], Sentences("Cara, no. No hands."));

    /// <summary>Sentences are ordered, disjoint, and their token ranges match their spans.</summary>
    [Property(MaxTest = 300)]
    public bool Sentences_are_ordered_and_consistent_with_tokens(NonNull<string> input) => Consistent(input.Get);

    /// <summary>The same over lone surrogates, emoji, combining marks, other scripts and dense punctuation.</summary>
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(HostileText) })]
    public bool Sentences_are_consistent_on_hostile_text(string text) => Consistent(text);

    private static bool Consistent(string text)
    {
        var toks = Tokenizer.Tokenize(text);
        var sents = SentenceSplitter.Split(text, toks);
        int prevEnd = 0, nextToken = 0;
        foreach (var s in sents)
        {
            if (s.Start < prevEnd || s.End < s.Start || s.End > text.Length) return false;
            if (s.FirstToken != nextToken || toks[s.FirstToken].Start != s.Start || toks[s.EndToken - 1].End != s.End) return false;
            prevEnd = s.End; nextToken = s.EndToken;
        }
        return nextToken == toks.Count;
    }
}
