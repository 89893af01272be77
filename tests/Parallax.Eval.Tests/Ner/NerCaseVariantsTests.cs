using Parallax.Eval.Ner;
using Parallax.Model;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerCaseVariantsTests
{
    private static readonly string[] Lines =
    [
        "-DOCSTART- O", "",
        "Ford B-ORG", "said O", "it O", "rose O", "",
        "the O", "shares O", "of O", "McDonald B-ORG", "fell O", "",
    ];

    [Fact]
    public void Each_sentence_is_recased_alone_in_its_document_with_offsets_labels_and_shapes_kept()
    {
        var examples = ConllReader.Read(Lines, ConllReader.Conll03Type).ToList();
        var upper = NerCaseVariants.Of(examples, NerCase.Upper);
        Assert.Equal("FORD SAID IT ROSE\nthe shares of McDonald fell", upper[0].Text);
        Assert.Equal("Ford said it rose\nTHE SHARES OF MCDONALD FELL", upper[1].Text);
        Assert.Equal(examples[1].Tokens.Select(t => (t.Start, t.End)), upper[1].Tokens.Select(t => (t.Start, t.End)));
        Assert.Same(examples[1].Labels, upper[1].Labels);
        Assert.True((upper[1].Tokens[0].Shape & (TokenShape.AllCaps | TokenShape.Capitalized)) == (TokenShape.AllCaps | TokenShape.Capitalized));

        var title = NerCaseVariants.Of(examples, NerCase.Title);
        Assert.Equal("Ford said it rose\nThe Shares Of McDonald Fell", title[1].Text);
        Assert.True((title[1].Tokens[3].Shape & TokenShape.AllCaps) == 0);
        Assert.Equal(examples.Select(e => e.Text), NerCaseVariants.Of(examples, NerCase.Normal).Select(e => e.Text));
        Assert.Throws<ArgumentException>(() => NerCaseVariants.Parse("lower"));
    }
}
