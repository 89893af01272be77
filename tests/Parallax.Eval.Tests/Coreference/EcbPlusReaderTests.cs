using Parallax.Eval.Coreference;
using Parallax.Model;

namespace Parallax.Eval.Tests.Coreference;

public sealed class EcbPlusReaderTests
{
    // A trimmed ECB+ file: a headline-free body of two sentences, a cross-document person chain, a within-document
    // place chain, a mention in no chain, a common-noun mention, and an instance descriptor without tokens.
    private const string Xml = """
        <Document doc_name="9_1ecbplus.xml" doc_id="DOC1">
        <token t_id="1" sentence="1" number="0">Police</token>
        <token t_id="2" sentence="1" number="1">said</token>
        <token t_id="3" sentence="1" number="2">Mayor</token>
        <token t_id="4" sentence="1" number="3">Ed</token>
        <token t_id="5" sentence="1" number="4">Lee</token>
        <token t_id="6" sentence="1" number="5">visited</token>
        <token t_id="7" sentence="1" number="6">Oakland</token>
        <token t_id="8" sentence="1" number="7">.</token>
        <token t_id="9" sentence="2" number="0">Oakland</token>
        <token t_id="10" sentence="2" number="1">police</token>
        <token t_id="11" sentence="2" number="2">thanked</token>
        <token t_id="12" sentence="2" number="3">the</token>
        <token t_id="13" sentence="2" number="4">mayor</token>
        <token t_id="14" sentence="2" number="5">of</token>
        <token t_id="15" sentence="2" number="6">San</token>
        <token t_id="16" sentence="2" number="7">Francisco</token>
        <token t_id="17" sentence="2" number="8">.</token>
        <Markables>
        <HUMAN_PART_ORG m_id="1"  ><token_anchor t_id="1"/></HUMAN_PART_ORG>
        <HUMAN_PART_PER m_id="2"  ><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></HUMAN_PART_PER>
        <LOC_GEO m_id="3"  ><token_anchor t_id="7"/></LOC_GEO>
        <LOC_GEO m_id="4"  ><token_anchor t_id="9"/></LOC_GEO>
        <HUMAN_PART_PER m_id="5"  ><token_anchor t_id="12"/><token_anchor t_id="13"/><token_anchor t_id="14"/><token_anchor t_id="15"/><token_anchor t_id="16"/></HUMAN_PART_PER>
        <ACTION_OCCURRENCE m_id="6"  ><token_anchor t_id="6"/></ACTION_OCCURRENCE>
        <HUMAN_PART_PER m_id="7" RELATED_TO="" TAG_DESCRIPTOR="t9_ed_lee" instance_id="HUM42" />
        </Markables>
        <Relations>
        <CROSS_DOC_COREF r_id="100" note="HUM42" ><source m_id="2" /><source m_id="5" /><target m_id="7" /></CROSS_DOC_COREF>
        <INTRA_DOC_COREF r_id="101" ><source m_id="3" /><source m_id="4" /><target m_id="8" /></INTRA_DOC_COREF>
        </Relations>
        </Document>
        """;

    private static EcbPlusDocument Read() => EcbPlusDocument.Read(new StringReader(Xml), "9_1ecbplus", "9");

    [Fact]
    public void Text_is_rebuilt_from_tokens_with_exact_offsets()
    {
        var d = Read();
        Assert.Equal("Police said Mayor Ed Lee visited Oakland .\nOakland police thanked the mayor of San Francisco .", d.Text);
        Assert.All(d.Tokens, t => Assert.Equal(t.Text, d.Text[t.Start..t.End]));
    }

    [Fact]
    public void Mentions_carry_their_cross_document_or_within_document_cluster()
    {
        var d = Read();
        Assert.Equal(6, d.Mentions.Length); // the descriptor without tokens is not a mention
        var byId = d.Mentions.ToDictionary(m => m.Id);
        Assert.Equal("HUM42", byId["2"].Cluster);
        Assert.Equal("HUM42", byId["5"].Cluster);
        Assert.Equal(byId["3"].Cluster, byId["4"].Cluster);
        Assert.NotNull(byId["3"].Cluster);
        Assert.Null(byId["1"].Cluster);
        Assert.Equal("Mayor Ed Lee", d.Text[d.StartOf(byId["2"])..d.EndOf(byId["2"])]);
    }

    [Fact]
    public void Named_mentions_need_a_capitalised_head_that_is_not_a_common_word()
    {
        var d = Read();
        var lower = NamedMentions.LowerCaseWords([d]);
        var named = d.Mentions.Where(m => NamedMentions.TypeOf(m.Tag) is not null && NamedMentions.HasProperHead(d, m, lower))
            .Select(m => m.Id).ToList();
        // "Police" opens a sentence and "police" occurs in lower case; "the mayor of San Francisco" has the head "mayor";
        // a sentence-initial "Oakland" is a name because "oakland" never occurs.
        Assert.Equal(["2", "3", "4"], named);
    }

    [Theory]
    [InlineData("HUMAN_PART_PER", EntityType.Person)]
    [InlineData("HUMAN_PART_ORG", EntityType.Org)]
    [InlineData("LOC_GEO", EntityType.Place)]
    [InlineData("LOC_FAC", EntityType.Place)]
    public void Tags_map_to_entity_types(string tag, EntityType type) => Assert.Equal(type, NamedMentions.TypeOf(tag));

    [Theory]
    [InlineData("HUMAN_PART_GPE")]
    [InlineData("ACTION_OCCURRENCE")]
    [InlineData("TIME_DATE")]
    public void Other_tags_are_not_named_entity_mentions(string tag) => Assert.Null(NamedMentions.TypeOf(tag));

    [Fact]
    public void Selected_sentence_list_is_parsed_per_file()
    {
        var set = EcbPlusCorpus.ParseSelectedSentences(["Topic,File,Sentence Number", "1,10ecbplus,1", "1,10ecbplus,3", "bad"]);
        Assert.Contains(("1_10ecbplus", 3), (IReadOnlySet<(string, int)>)set);
        Assert.DoesNotContain(("1_10ecbplus", 2), (IReadOnlySet<(string, int)>)set);
    }
}
