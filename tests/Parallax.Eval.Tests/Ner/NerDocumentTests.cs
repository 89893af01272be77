using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Eval.Coreference;
using Parallax.Eval.Ner;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerDocumentTests
{
    private static string Word(NerExample e, int i) => e.Text[e.Tokens[i].Start..e.Tokens[i].End];

    [Fact]
    public void Sentences_of_one_document_share_its_text_and_keep_their_tokens()
    {
        string[] lines =
        [
            "-DOCSTART- O", "",
            "Ford B-ORG", "said O", "",
            "It O", "rose O", "",
            "-DOCSTART- O", "",
            "Apple B-ORG", "fell O", "",
        ];
        var examples = ConllReader.Read(lines, ConllReader.Conll03Type).ToList();
        Assert.Equal(3, examples.Count);
        Assert.Same(examples[0].Text, examples[1].Text);
        Assert.NotSame(examples[1].Text, examples[2].Text);
        Assert.Equal("Ford said\nIt rose", examples[0].Text);
        Assert.Equal(["It", "rose"], [Word(examples[1], 0), Word(examples[1], 1)]);
        Assert.Equal("Apple fell", examples[2].Text);
        Assert.Equal([NerLabels.Begin(Model.EntityType.Org), NerLabels.O], examples[0].Labels);
    }

    [Fact]
    public void Uner_documents_start_at_newdoc_comments()
    {
        string[] lines =
        [
            "# newdoc id = a", "# sent_id = a-1", "1\tBob\tB-PER", "2\tcalled\tO", "",
            "# sent_id = a-2", "1\tHe\tO", "2\tleft\tO", "",
            "# newdoc id = b", "# sent_id = b-1", "1\tParis\tB-LOC", "",
        ];
        var examples = ConllReader.Read(lines, ConllReader.Conll03Type, tokenColumn: 1, tagColumn: 2).ToList();
        Assert.Equal(3, examples.Count);
        Assert.Same(examples[0].Text, examples[1].Text);
        Assert.Equal("Paris", examples[2].Text);
    }

    [Fact]
    public void Ecb_tokens_read_as_print_spaced_news()
    {
        const string xml = """
            <Document doc_name="1_1ecbplus.xml">
            <token t_id="1" sentence="0" number="0">http</token>
            <token t_id="2" sentence="0" number="1">:</token>
            <token t_id="3" sentence="1" number="0">``</token>
            <token t_id="4" sentence="1" number="1">I</token>
            <token t_id="5" sentence="1" number="2">did</token>
            <token t_id="6" sentence="1" number="3">n't</token>
            <token t_id="7" sentence="1" number="4">know</token>
            <token t_id="8" sentence="1" number="5">,</token>
            <token t_id="9" sentence="1" number="6">''</token>
            <token t_id="10" sentence="1" number="7">the</token>
            <token t_id="11" sentence="1" number="8">16</token>
            <token t_id="12" sentence="1" number="9">-</token>
            <token t_id="13" sentence="1" number="10">year</token>
            <token t_id="14" sentence="1" number="11">-</token>
            <token t_id="15" sentence="1" number="12">old</token>
            <token t_id="16" sentence="1" number="13">told</token>
            <token t_id="17" sentence="1" number="14">U</token>
            <token t_id="18" sentence="1" number="15">.</token>
            <token t_id="19" sentence="1" number="16">S</token>
            <token t_id="20" sentence="1" number="17">.</token>
            <token t_id="21" sentence="1" number="18">officials</token>
            <token t_id="22" sentence="1" number="19">at</token>
            <token t_id="23" sentence="1" number="20">8</token>
            <token t_id="24" sentence="1" number="21">:</token>
            <token t_id="25" sentence="1" number="22">40</token>
            <token t_id="26" sentence="1" number="23">p</token>
            <token t_id="27" sentence="1" number="24">.</token>
            <token t_id="28" sentence="1" number="25">m</token>
            <token t_id="29" sentence="1" number="26">.</token>
            <token t_id="30" sentence="2" number="0">Lohan</token>
            <token t_id="31" sentence="2" number="1">’</token>
            <token t_id="32" sentence="2" number="2">s</token>
            <token t_id="33" sentence="2" number="3">lawyer</token>
            <token t_id="34" sentence="2" number="4">(</token>
            <token t_id="35" sentence="2" number="5">Shawn</token>
            <token t_id="36" sentence="2" number="6">Holley</token>
            <token t_id="37" sentence="2" number="7">)</token>
            <token t_id="38" sentence="2" number="8">spoke</token>
            <token t_id="39" sentence="2" number="9">.</token>
            </Document>
            """;
        var doc = EcbPlusDocument.Read(new StringReader(xml), "1_1ecbplus", "1");
        Assert.Equal("\"I didn't know,\" the 16-year-old told U.S. officials at 8:40 p.m.\nLohan’s lawyer (Shawn Holley) spoke.",
            EcbNewsText.Of(doc));
    }

    [Fact]
    public void Ecb_self_training_reads_train_topics_only_as_news_and_takes_sentences_the_rules_agree_with()
    {
        RepositoryPaths.RequireShared("data/events/ecbplus/ECB+");
        var gold = new[]
        {
            NerSentences.Build(["Hillary", "Clinton", "spoke", "in", "Iowa", "on", "Monday", "."], [1, 2, 0, 0, 5, 0, 0, 0]),
            NerSentences.Build(["Police", "in", "Brooklyn", "said", "the", "man", "fled", "."], [0, 0, 5, 0, 0, 0, 0, 0]),
        };
        var teacher = NerTrainer.Train(gold, EntityLexicon.Default, new NerTrainingOptions { Epochs = 3, HashBits = 14 },
            ct: TestContext.Current.CancellationToken);
        var examples = NerSelfTraining.EcbExamples(RepositoryPaths.Shared!, teacher, EntityLexicon.Default);
        Assert.NotEmpty(examples);
        // The dev topics are story clustering's dev set: the model must not have read them.
        var corpus = EcbPlusCorpus.Open(Path.Combine(RepositoryPaths.Shared!, "data", "events", "ecbplus"));
        var devTexts = corpus.Topics("dev").SelectMany(corpus.ReadTopic).Select(EcbNewsText.Of).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(devTexts);
        Assert.All(examples, e =>
        {
            Assert.NotEmpty(NerLabels.Spans(e.Labels));
            Assert.DoesNotContain("http", e.Text[e.Tokens[0].Start..e.Tokens[^1].End], StringComparison.Ordinal);
            Assert.DoesNotContain(e.Text, devTexts);
        });
    }
}
