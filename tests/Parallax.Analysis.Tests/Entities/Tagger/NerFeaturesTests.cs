using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;

namespace Parallax.Analysis.Tests.Entities.Tagger;

public sealed class NerFeaturesTests
{
    private static int[] Extract(string text, int bits = 20)
    {
        var (t, tokens) = TaggerFixtures.Tokens(text);
        var f = new int[tokens.Length * NerFeatures.PerToken];
        NerFeatures.Extract(t, tokens, EntityLexicon.Default, bits, f);
        return f;
    }

    private static ReadOnlySpan<int> Token(int[] f, int i) => f.AsSpan(i * NerFeatures.PerToken, NerFeatures.PerToken);

    [Fact]
    public void Every_token_gets_the_same_number_of_ids_within_the_table()
    {
        var f = Extract("Sgt. Jacob Becchina spoke in Kansas City on Tuesday.", bits: 12);
        Assert.All(f, id => Assert.InRange(id, 0, (1 << 12) - 1));
        Assert.Equal(0, f.Length % NerFeatures.PerToken);
    }

    [Fact]
    public void The_same_word_in_the_same_context_has_the_same_features()
    {
        var a = Extract("He met Boyd there.");
        var b = Extract("He met Boyd there.");
        Assert.Equal(a, b);
        // "Boyd" (token 2) differs from "Boyce" in the word, affix and bigram features but shares bias and context.
        var c = Extract("He met Boyce there.");
        Assert.Equal(Token(a, 2)[0], Token(c, 2)[0]);
        Assert.NotEqual(Token(a, 2)[1], Token(c, 2)[1]);
        Assert.Equal(Token(a, 2)[2], Token(c, 2)[2]); // the previous word, "met"
    }

    [Fact]
    public void The_lower_cased_word_feature_ignores_case_while_shape_does_not()
    {
        var a = Extract("Visit Paris now");
        var b = Extract("Visit PARIS now");
        Assert.Equal(Token(a, 1)[1], Token(b, 1)[1]);
        Assert.NotEqual(Token(a, 1)[6], Token(b, 1)[6]);
    }

    [Fact]
    public void Context_features_see_two_words_either_side_and_the_sentence_edges()
    {
        var f = Extract("one two three four five");
        // Token 0's previous word and token 4's next word are both the boundary value, under different templates.
        Assert.NotEqual(Token(f, 0)[2], Token(f, 4)[3]);
        // "three" is word 2 before "five" and word 2 after "one": same word, different template.
        Assert.NotEqual(Token(f, 4)[4], Token(f, 0)[5]);
        Assert.Equal(Token(f, 2)[1], Extract("three")[1]);
    }

    [Fact]
    public void Gazetteer_flags_separate_a_known_first_name_from_an_unknown_word()
    {
        var known = Extract("Jacob left");
        var unknown = Extract("Zqxv left");
        // The full flag combination (template 23) differs: first-name bit set for "Jacob" only.
        Assert.NotEqual(Token(known, 0)[22], Token(unknown, 0)[22]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("🙂🙂 \uFFFD\uFFFD\uFFFD 🚒")]
    [InlineData("ALL CAPS SHOUTING WITHOUT END")]
    [InlineData("no punctuation at all and no capitals either just words")]
    [InlineData("Ωμέγα 東京 مرحبا Zürich")]
    public void Odd_text_is_extracted_without_error(string text)
    {
        var f = Extract(text);
        Assert.Equal(0, f.Length % NerFeatures.PerToken);
    }
}
