using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities.Tagger;

/// <summary>Sentences written in the tests, tokenised by the real tokenizer, with BIO labels given per token.</summary>
internal static class TaggerFixtures
{
    public static (string Text, Token[] Tokens) Tokens(string text) => (text, Tokenizer.Tokenize(text).ToArray());

    /// <summary>An example whose labels are written as "O B-PERSON I-PERSON …", one per token.</summary>
    public static NerExample Example(string text, string labels)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var names = labels.Split(' ');
        Assert.Equal(tokens.Length, names.Length);
        return new NerExample(text, tokens, names.Select(n => (byte)Array.IndexOf(NerLabels.Names, n)).ToArray());
    }

    public static NerExample[] TinyCorpus() =>
    [
        Example("Maria Delgado visited Port Alden on Monday .", "B-PERSON I-PERSON O B-PLACE I-PLACE O O O"),
        Example("The Coast Guard said Delgado was safe .", "O B-ORG I-ORG O B-PERSON O O O"),
        Example("Officers from Kansas City arrived .", "O O B-PLACE I-PLACE O O"),
        Example("Tom Becker works for the Harbor Authority .", "B-PERSON I-PERSON O O O B-ORG I-ORG O"),
        Example("it rained all day .", "O O O O O"),
    ];
}
