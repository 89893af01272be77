using System.Text;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Text;

/// <summary>
/// Input no news page should contain but a crawler will deliver: the tokenizer and splitter never throw, every span
/// lies inside the text, and time grows linearly with length. The class runs alone (no parallel tests) so the timing
/// comparison is not disturbed by other tests sharing the cores.
/// </summary>
[Collection(nameof(TimingCollection))]
public sealed class TextBadInputTests
{
    private static readonly TokenizerStage TokenStage = new();
    private static readonly SentenceStage SentenceStageInstance = new();

    private static Document Run(string text)
    {
        var doc = new Document { Id = "d1", Origin = "test", Text = text };
        return SentenceStageInstance.Run(TokenStage.Run(doc, CancellationToken.None), CancellationToken.None);
    }

    /// <summary>Tokens and sentences are ordered, inside the text, and sentences tile the tokens.</summary>
    private static void AssertWellFormed(Document doc)
    {
        int prev = 0;
        foreach (var t in doc.Tokens)
        {
            Assert.True(t.Start >= prev && t.End > t.Start && t.End <= doc.Text.Length, $"token {t} out of order or outside the text");
            prev = t.End;
        }
        int next = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.Equal(doc.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(doc.Tokens[s.EndToken - 1].End, s.End);
            next = s.EndToken;
        }
        Assert.Equal(doc.Tokens.Length, next);
    }

    [Theory]
    [InlineData("no sentence punctuation here at all just words and more words that go on")]
    [InlineData("THE MAYOR SAID THE BRIDGE WAS SAFE. NOBODY BELIEVED HIM! WHY WOULD THEY?")]
    [InlineData("Fire 🔥🔥 at the 👨‍👩‍👧 dock 😀. Next 🇺🇸 flag.")]
    [InlineData("東京で火事。警察は「調査中」と述べた。 The police said.")]
    [InlineData("قال المتحدث إن الجسر آمن. The spokesman said.")]
    [InlineData("Cafe\u0301 \u0301\u0301 leading marks, Z\u0335\u0321a\u0336lgo\u0334.")]
    [InlineData("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD. \uFFFD\uFFFD said \uFFFD.")]
    [InlineData("lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800, end \uD83D")]
    [InlineData("\uD83D")]
    [InlineData("")]
    [InlineData("   \n\n\t  ")]
    [InlineData("...!!!???……””))]]")]
    public void Hostile_text_yields_well_formed_spans(string text)
    {
        var doc = Run(text);
        AssertWellFormed(doc);
        if (text.Trim().Length > 0) Assert.NotEmpty(doc.Sentences);
    }

    [Fact]
    public void All_caps_sentences_still_split() =>
        Assert.Equal(3, Run("THE MAYOR SAID THE BRIDGE WAS SAFE. NOBODY BELIEVED HIM! WHY WOULD THEY?").Sentences.Length);

    [Fact]
    public void Text_without_punctuation_is_one_sentence_per_line()
    {
        var doc = Run(string.Join(' ', Enumerable.Repeat("word", 20_000)) + "\n" + string.Join(' ', Enumerable.Repeat("more", 100)));
        Assert.Equal(2, doc.Sentences.Length);
    }

    /// <summary>One long line of mixed text (sentences, abbreviations, quotes, references, emoji, other scripts,
    /// U+FFFD and lone surrogates), built to <paramref name="chars"/> characters.</summary>
    private static string Line(int chars)
    {
        const string chunk = "Sgt. Becchina told the U.S. court 42,000 “views” came! Then [3] he left ... quietly "
            + "😀 \uFFFD\uFFFD 東京で火事 قال المتحدث \uD800 e.g. no. 5 ";
        var sb = new StringBuilder(chars + chunk.Length);
        while (sb.Length < chars) sb.Append(chunk);
        return sb.ToString(0, chars);
    }

    [Fact]
    public void A_ten_megabyte_line_takes_linear_time()
    {
        var small = Line(1_000_000);
        var large = Line(10_000_000);
        // Limit 40, not the helper's 20: at 10 MB the text, its tokens and the analysis layers no longer fit in any
        // cache and land in the large-object heap, so each character costs about twice what it does at 1 MB, and
        // under load on two shared cores the ratio reached 20–30. Linear work is ≈ 10–25; a quadratic pass would be
        // ≈ 100, still far outside.
        LinearTime.Assert(() => Assert.NotEmpty(Run(small).Tokens), () => Assert.NotEmpty(Run(large).Tokens), maxRatio: 40);
        AssertWellFormed(Run(large));
    }
}
