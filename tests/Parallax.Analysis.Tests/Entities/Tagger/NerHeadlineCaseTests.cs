using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities.Tagger;

/// <summary>
/// A headline in capitals is tagged as the rest of its document writes its words (NerHeadlineCase with the document
/// index's evidence), and the document bits the features read are unchanged by the extra evidence the recasing keeps.
/// </summary>
public sealed class NerHeadlineCaseTests
{
    private const string Story = "RUSSIA SAYS TALKS WITH CHECHEN REBELS WILL GO ON , NATO WATCHES\n"
        + "Moscow said on Friday that talks with the Chechen rebels would go on. NATO said it was watching. The rebels agreed.";

    private static ReadOnlySpan<Token> Headline(Token[] tokens, string text) =>
        tokens.AsSpan(0, tokens.TakeWhile(t => t.Start < text.IndexOf('\n')).Count());

    [Fact]
    public void A_headline_in_capitals_is_written_as_its_document_writes_the_words()
    {
        var tokens = Tokenizer.Tokenize(Story).ToArray();
        var headline = Headline(tokens, Story);
        Assert.True(NerHeadlineCase.IsAllCaps(Story, headline));
        var recased = NerHeadlineCase.Recase(Story, headline, NerDocumentIndex.For(Story, EntityLexicon.Default));
        // "Chechen": capitalised in running text; "talks", "rebels": only in lower case; "NATO": in capitals beside
        // lower-case words; "GO": two letters stay; "RUSSIA", "WATCHES": no evidence, capitalised; function words lower.
        Assert.Equal("Russia says talks with Chechen rebels will GO on , NATO Watches", recased);
        Assert.Equal(headline[^1].End - headline[0].Start, recased.Length);
    }

    [Fact]
    public void A_sentence_with_one_lower_case_letter_or_no_word_of_two_letters_is_not_a_headline()
    {
        foreach (var text in new[] { "NATO said TALKS WILL GO ON", "NASA ANNOUNCES MARS MISSIOn", "A 1996-08-30", "( 12 - 3 )" })
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            Assert.False(NerHeadlineCase.IsAllCaps(text, tokens), text);
        }
    }

    [Fact]
    public void A_dateline_is_a_headline_and_its_place_is_capitalised()
    {
        const string text = "LONDON 1996-08-30\nShares rose in early trading.";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var line = Headline(tokens, text);
        Assert.True(NerHeadlineCase.IsAllCaps(text, line));
        Assert.Equal("London 1996-08-30", NerHeadlineCase.Recase(text, line, NerDocumentIndex.For(text, EntityLexicon.Default)));
    }

    [Fact]
    public void The_tagger_tags_a_headline_in_capitals_as_the_recased_headline()
    {
        var tagger = new NerTagger(NerTrainer.Train(TaggerFixtures.TinyCorpus(), EntityLexicon.Default,
            new NerTrainingOptions { Epochs = 5, HashBits = 12 }, ct: TestContext.Current.CancellationToken), EntityLexicon.Default);
        const string text = "MARIA DELGADO VISITED PORT ALDEN\nMaria Delgado visited Port Alden on Monday, and it rained.";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var headline = Headline(tokens, text);
        var labels = new byte[headline.Length];
        tagger.Tag(text, headline, labels);

        // The same headline written as the recasing writes it, in a document that gives the same evidence.
        const string cased = "Maria Delgado visited Port Alden\nMaria Delgado visited Port Alden on Monday, and it rained.";
        Assert.Equal(cased[..cased.IndexOf('\n')], NerHeadlineCase.Recase(text, headline, NerDocumentIndex.For(text, EntityLexicon.Default)));
        var casedTokens = Tokenizer.Tokenize(cased).ToArray();
        var expected = new byte[headline.Length];
        tagger.Tag(cased, Headline(casedTokens, cased), expected);
        Assert.Equal(expected, labels);
        Assert.Equal(["B-PERSON", "I-PERSON", "O", "B-PLACE", "I-PLACE"], labels.Select(l => NerLabels.Names[l]));
    }

    [Fact]
    public void Capitals_beside_lower_case_are_evidence_but_no_feature_bit()
    {
        const string text = "The Chechen rebels met NATO officials in Brussels.\nNATO said so.";
        var index = NerDocumentIndex.For(text, EntityLexicon.Default);
        Assert.NotEqual(0u, index.Evidence("NATO") & NerDocumentIndex.CapitalsBesideLowerCase);
        Assert.Equal(0u, index.Of("NATO") & ~((1u << NerDocumentIndex.Bits) - 1));
        Assert.NotEqual(0u, index.Of("Chechen") & NerDocumentIndex.CapitalisedMidSentence);
        Assert.NotEqual(0u, index.Evidence("rebels") & NerDocumentIndex.LowerSeen);
        Assert.NotEqual(0u, index.Of("Brussels") & NerDocumentIndex.AfterLocative);
    }
}
