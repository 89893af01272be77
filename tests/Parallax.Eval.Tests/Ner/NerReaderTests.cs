using Parallax.Analysis.Entities.Tagger;
using Parallax.Eval.Ner;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerReaderTests
{
    /// <summary>Spans of an example as "type:words".</summary>
    private static string[] Spans(NerExample ex) =>
        NerLabels.Spans(ex.Labels).Select(s => $"{s.Type}:{ex.Text[ex.Tokens[s.Start].Start..ex.Tokens[s.End - 1].End]}").ToArray();

    private static string Row(int id, string form, string upos, int head, string misc) =>
        $"{id}\t{form}\t{form}\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}";

    [Fact]
    public void Gum_keeps_named_mentions_outermost_and_drops_pronouns_and_descriptions()
    {
        string[] lines =
        [
            "# sent_id = test-1",
            Row(1, "NASA", "PROPN", 4, "Entity=(10-person-new-nnnss-cf6-1-coref-Charles_Bolden(1-organization-new-sssss-cf4-1-coref-NASA)"),
            Row(2, "Administrator", "PROPN", 4, "_"),
            Row(3, "Charles", "PROPN", 4, "_"),
            Row(4, "Bolden", "PROPN", 5, "Entity=10)"),
            Row(5, "visited", "VERB", 0, "_"),
            Row(6, "the", "DET", 8, "Entity=(2-place-new-nnnnn-cf2-1-coref-United_States"),
            Row(7, "United", "PROPN", 8, "_"),
            Row(8, "States", "PROPN", 5, "Entity=2)"),
            Row(9, "with", "ADP", 10, "_"),
            Row(10, "his", "PRON", 11, "Entity=(10-person-giv:act-sssss-cf1-1-ana-Charles_Bolden)"),
            Row(11, "son", "NOUN", 5, "Entity=(3-person-new-nnnnn-cf3-1-sgl)"),
            "",
        ];
        var ex = Assert.Single(GumReader.Read(lines));
        Assert.Equal(["Person:NASA Administrator Charles Bolden", "Place:United States"], Spans(ex));
    }

    [Fact]
    public void Gum_cuts_a_mention_at_an_apposition_and_skips_withheld_text()
    {
        string[] lines =
        [
            Row(1, "the", "DET", 2, "Entity=(4-organization-new-nnnnn-cf2-1-coref"),
            Row(2, "University", "PROPN", 0, "_"),
            Row(3, "of", "ADP", 4, "_"),
            Row(4, "Malaysia", "PROPN", 2, "_"),
            Row(5, ",", "PUNCT", 6, "_"),
            Row(6, "which", "PRON", 2, "_"),
            Row(7, "boomed", "VERB", 2, "Entity=4)"),
            "",
            Row(1, "_", "PROPN", 0, "Entity=(5-person-new-nnnnn-cf2-1-coref)"),
            "",
        ];
        var ex = Assert.Single(GumReader.Read(lines));
        Assert.Equal(["Org:University of Malaysia"], Spans(ex));
    }

    [Fact]
    public void Gum_splits_name_the_documents_of_each_split()
    {
        var splits = GumReader.Splits("# Splits\n\n## dev\n\n  * GUM_news_iodine\n\n## train\n\n  * GUM_bio_byron\n  * GUM_news_nasa\n");
        Assert.Equal(["GUM_news_iodine"], splits["dev"]);
        Assert.Equal(2, splits["train"].Count);
        Assert.Equal("bio", GumReader.Genre("GUM_bio_byron"));
    }

    [Fact]
    public void Iob1_opens_a_span_at_inside_and_splits_at_begin()
    {
        var lines = "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nMary B-PER\nvisited O\nthe O\nU.N. I-ORG\nin O\nNew I-LOC\nYork I-LOC\nwith O\nJapanese I-MISC\nfriends O\n".Split('\n');
        var ex = Assert.Single(ConllReader.Read(lines, ConllReader.Conll03Type));
        Assert.Equal(["Person:John Smith", "Person:Mary", "Org:U.N.", "Place:New York"], Spans(ex));
    }

    [Fact]
    public void Uner_reads_the_tag_column_and_skips_comments()
    {
        var lines = "# sent_id = a-1\n# text = What is this Miramar?\n1\tWhat\tO\t-\t-\n2\tis\tO\t-\t-\n3\tthis\tO\t-\t-\n4\tMiramar\tB-LOC\t-\t-\n5\t?\tO\t-\t-\n".Split('\n');
        var ex = Assert.Single(ConllReader.Read(lines, ConllReader.Conll03Type, tokenColumn: 1, tagColumn: 2));
        Assert.Equal(["Place:Miramar"], Spans(ex));
        Assert.Equal("What is this Miramar ?", ex.Text);
    }

    [Fact]
    public void Wnut_types_map_to_person_org_and_place_and_the_rest_are_dropped()
    {
        var lines = "#\tO\nBeyonce\tB-person\nand\tO\nthe\tO\nBeatles\tB-group\nat\tO\nApple\tB-corporation\nin\tO\nLondon\tB-location\nplayed\tO\nHalo\tB-creative-work\non\tO\niPhone\tB-product\n".Split('\n');
        var ex = Assert.Single(ConllReader.Read(lines, ConllReader.Wnut17Type));
        Assert.Equal(["Person:Beyonce", "Org:Beatles", "Org:Apple", "Place:London"], Spans(ex));
        Assert.StartsWith("# ", ex.Text);
    }
}
