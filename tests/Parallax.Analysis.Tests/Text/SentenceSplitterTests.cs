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

    /// <summary>Sentences are ordered, disjoint, and their token ranges match their spans.</summary>
    [Property(MaxTest = 300)]
    public bool Sentences_are_ordered_and_consistent_with_tokens(NonNull<string> input)
    {
        var text = input.Get;
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
