using Parallax.Eval.Sentences;

namespace Parallax.Eval.Tests.Sentences;

public sealed class ConlluTextTests
{
    // Two paragraphs: a heading, then two sentences; "don't" as a multi-word token, an empty node, SpaceAfter=No.
    private const string Fixture = """
        # newdoc id = GUM_news_fixture
        # meta::genre = news
        # newpar
        # sent_id = fixture-1
        # text = Bridge closes
        1	Bridge	bridge	NOUN	NN	_	2	nsubj	_	_
        2	closes	close	VERB	VBZ	_	0	root	_	_

        # newpar
        # newpar_block = p (2 s)
        # sent_id = fixture-2
        # text = Officials don't know, (yet).
        1	Officials	official	NOUN	NNS	_	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        3.1	know	know	VERB	VB	_	_	_	_	_
        4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
        5	,	,	PUNCT	,	_	4	punct	_	_
        6	(	(	PUNCT	-LRB-	_	7	punct	_	SpaceAfter=No
        7	yet	yet	ADV	RB	_	4	advmod	_	SpaceAfter=No
        8	)	)	PUNCT	-RRB-	_	7	punct	_	SpaceAfter=No
        9	.	.	PUNCT	.	_	4	punct	_	SpaceAfter=No

        # sent_id = fixture-3
        # text = It reopens.
        1	It	it	PRON	PRP	_	2	nsubj	_	_
        2	reopens	reopen	VERB	VBZ	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	.	_	2	punct	_	_

        """;

    [Fact]
    public void Text_is_rebuilt_with_line_breaks_between_paragraphs_and_spaces_between_sentences()
    {
        var doc = Assert.Single(ConlluText.Read(Fixture, "fallback"));
        Assert.Equal("Bridge closes\nOfficials don't know, (yet). It reopens.", doc.Text);
        Assert.Equal("GUM_news_fixture", doc.Id);
        Assert.Equal("news", doc.Genre);
        Assert.False(doc.Redacted);
    }

    [Fact]
    public void Sentence_ends_and_tokens_are_offsets_into_the_rebuilt_text()
    {
        var doc = ConlluText.Read(Fixture, "fallback")[0];
        Assert.Equal(["Bridge closes", "Officials don't know, (yet).", "It reopens."],
            doc.SentenceEnds.Select((end, i) => doc.Text[(i == 0 ? 0 : doc.SentenceEnds[i - 1] + 1)..end]));
        // The multi-word token is one span with its surface form; the empty node adds nothing.
        Assert.Equal(["Bridge", "closes", "Officials", "don't", "know", ",", "(", "yet", ")", ".", "It", "reopens", "."],
            doc.Tokens.Select(t => doc.Text[t.Start..t.End]));
    }

    [Fact]
    public void Several_documents_in_one_file_are_read_apart_and_genre_falls_back_to_the_id()
    {
        var two = Fixture.Replace("# meta::genre = news\n", "") + Fixture.Replace("GUM_news_fixture", "GUM_bio_other").Replace("# meta::genre = news\n", "");
        var docs = ConlluText.Read(two, "fallback");
        Assert.Equal(["GUM_news_fixture", "GUM_bio_other"], docs.Select(d => d.Id));
        Assert.Equal(["news", "bio"], docs.Select(d => d.Genre));
        Assert.Equal(docs[0].Text, docs[1].Text);
    }

    [Fact]
    public void Redacted_text_is_recognised()
    {
        const string redacted = "# newdoc id = GUM_reddit_x\n1\t______\t_\t_\t_\t_\t0\troot\t_\t_\n2\t___\t_\t_\t_\t_\t1\tdep\t_\t_\n\n";
        Assert.True(ConlluText.Read(redacted, "x")[0].Redacted);
    }

    [Fact]
    public void Windows_line_ends_are_read()
    {
        var doc = ConlluText.Read(Fixture.Replace("\n", "\r\n"), "fallback")[0];
        Assert.Equal("Bridge closes\nOfficials don't know, (yet). It reopens.", doc.Text);
    }

    [Fact]
    public void Splits_are_read_from_the_markdown_list()
    {
        var splits = SentenceEvaluation.ReadSplits("# Splits\n\nText.\n\n## dev\n\n  * GUM_a\n  * GUM_b\n\n## test\n\n  * GUM_c\n");
        Assert.Equal(["GUM_a", "GUM_b"], splits["dev"]);
        Assert.Equal(["GUM_c"], splits["test"]);
    }
}
