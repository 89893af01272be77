using Parallax.Analysis.Facts;

namespace Parallax.Analysis.Tests.Facts;

public sealed class LemmasTests
{
    [Theory]
    [InlineData("hitting", "hit")]
    [InlineData("tried", "try")]
    [InlineData("negotiating", "negotiate")]
    [InlineData("removed", "remove")]
    [InlineData("breaks", "break")]
    [InlineData("returned", "return")]
    [InlineData("recording", "record")]
    [InlineData("broke", "break")]
    [InlineData("smashed", "smash")]
    [InlineData("agreed", "agree")]
    public void Verbs(string word, string lemma) => Assert.Equal(lemma, Lemmas.Verb(word));

    [Theory]
    [InlineData("children", "child")]
    [InlineData("views", "view")]
    [InlineData("people", "person")]
    [InlineData("buses", "bus")]
    [InlineData("agencies", "agency")]
    [InlineData("Officers", "officer")]
    [InlineData("boxes", "box")]
    public void Nouns(string word, string lemma) => Assert.Equal(lemma, Lemmas.Singular(word));
}
