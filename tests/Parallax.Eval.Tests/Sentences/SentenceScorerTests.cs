using Parallax.Eval.Sentences;
using Parallax.Model;

namespace Parallax.Eval.Tests.Sentences;

public sealed class SentenceScorerTests
{
    private static TextSpan[] Spans(params (int Start, int End)[] spans) => spans.Select(s => new TextSpan(s.Start, s.End)).ToArray();

    [Fact]
    public void Boundaries_are_matched_by_offset_and_the_text_end_is_not_counted()
    {
        //           0         1         2
        //           0123456789012345678901234
        var text = "Aa b. Cc d. Ee f.\nGg h.";
        int[] gold = [5, 11, 17, 23];
        int[] predicted = [5, 17, 20, 23]; // misses 11, invents 20
        var score = SentenceScorer.Score(text, gold, predicted, [], []);
        Assert.Equal(new PrfCounts(2, 3, 3), score.Boundaries);
        Assert.Equal(2.0 / 3, score.Boundaries.F1, 6);
        // Inside paragraphs: 5 and 11 (gold), 5 and 20 (predicted); 17 is followed by a line break.
        Assert.Equal(new PrfCounts(1, 2, 2), score.InnerBoundaries);
    }

    [Fact]
    public void Tokens_count_only_when_both_ends_match()
    {
        var gold = Spans((0, 3), (3, 4), (5, 8), (9, 10));
        var predicted = Spans((0, 4), (5, 8), (9, 10), (11, 12));
        var score = SentenceScorer.Score("abc. def g h", [12], [12], gold, predicted);
        Assert.Equal(new PrfCounts(2, 4, 4), score.Tokens);
        Assert.Equal(new PrfCounts(0, 0, 0), score.Boundaries);
        Assert.Equal(1.0, score.Boundaries.F1); // nothing to find, nothing invented
    }

    [Fact]
    public void Counts_add_up_across_documents()
    {
        var a = new SentenceScore(new(1, 2, 3), new(1, 1, 1), new(4, 5, 6));
        var b = new SentenceScore(new(2, 2, 2), new(0, 1, 1), new(1, 1, 1));
        var sum = a + b;
        Assert.Equal(new PrfCounts(3, 4, 5), sum.Boundaries);
        Assert.Equal(0.75, sum.Boundaries.Precision, 6);
        Assert.Equal(0.6, sum.Boundaries.Recall, 6);
    }

    [Fact]
    public void A_fixture_document_is_scored_end_to_end()
    {
        const string conllu = """
            # newdoc id = GUM_news_tiny
            # newpar
            1	Sgt.	Sgt.	PROPN	NNP	_	2	nsubj	_	_
            2	Smith	Smith	PROPN	NNP	_	3	nsubj	_	_
            3	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
            4	.	.	PUNCT	.	_	3	punct	_	_

            1	He	he	PRON	PRP	_	2	nsubj	_	_
            2	returned	return	VERB	VBD	_	0	root	_	SpaceAfter=No
            3	.	.	PUNCT	.	_	2	punct	_	_

            """;
        var gold = ConlluText.Read(conllu, "tiny")[0];
        Assert.Equal("Sgt. Smith left. He returned.", gold.Text);
        var result = SentenceEvaluation.Evaluate(gold);
        Assert.Equal(new PrfCounts(1, 1, 1), result.Score.Boundaries);
        Assert.Equal(new PrfCounts(7, 7, 7), result.Score.Tokens);
        Assert.Empty(result.Errors);
    }
}
