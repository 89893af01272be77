using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities.Tagger;

/// <summary>
/// The document index's capitalised runs stop at line breaks, known organisation names (the model's gazetteer) mark
/// their words, and a listed first name that starts no PERSON name in the training data gets its own flag.
/// </summary>
public sealed class NerGazetteerTests
{
    private static ulong Name(string name) => NerGazetteer.NameKey(name, Tokenizer.TokenizeToArray(name));

    [Fact]
    public void A_capitalised_run_stops_at_a_line_break()
    {
        const string text = "Markets Today\nFord Motor Co. said sales rose.";
        var index = NerDocumentIndex.For(text, EntityLexicon.Default);
        Assert.NotEqual(0u, index.Of("Ford") & NerDocumentIndex.InOrgRun);
        // Before, the headline's "Markets Today" ran into "Ford Motor Co." and took its organisation bit.
        Assert.Equal(0u, index.Of("Today") & NerDocumentIndex.InOrgRun);
        Assert.Equal(0u, index.Of("Markets") & NerDocumentIndex.InOrgRun);
    }

    [Fact]
    public void A_known_organisation_marks_its_words_and_whether_it_is_a_whole_run()
    {
        var gazetteer = new NerGazetteer([Name("Northrop Grumman"), Name("Bank of America")], []);
        const string alone = "Northrop Grumman won the contract. He banks with Bank of America.";
        var index = NerDocumentIndex.For(alone, EntityLexicon.Default, gazetteer);
        const uint both = NerDocumentIndex.KnownOrgName | NerDocumentIndex.KnownOrgRun;
        Assert.Equal(both, index.Of("Northrop") & both);
        Assert.Equal(both, index.Of("Grumman") & both);
        Assert.Equal(both, index.Of("America") & both);
        Assert.Equal(0u, index.Of("He") & both);

        const string inside = "He works in the Northrop Grumman Building downtown.";
        index = NerDocumentIndex.For(inside, EntityLexicon.Default, gazetteer);
        Assert.Equal(NerDocumentIndex.KnownOrgName, index.Of("Northrop") & both);
        Assert.Equal(0u, index.Of("Building") & both);
        // The same text without a gazetteer has no such bits.
        Assert.Equal(0u, NerDocumentIndex.For(inside, EntityLexicon.Default).Of("Northrop") & both);
    }

    [Fact]
    public void A_known_name_is_found_in_capitals_but_not_across_a_line_break()
    {
        var gazetteer = new NerGazetteer([Name("Northrop Grumman")], []);
        var index = NerDocumentIndex.For("NORTHROP GRUMMAN WINS NAVY DEAL\nShares rose.", EntityLexicon.Default, gazetteer);
        Assert.NotEqual(0u, index.Of("NORTHROP") & NerDocumentIndex.KnownOrgName);
        index = NerDocumentIndex.For("Talks with Northrop\nGrumman said no.", EntityLexicon.Default, gazetteer);
        Assert.Equal(0u, index.Of("Northrop") & NerDocumentIndex.KnownOrgName);
    }

    [Fact]
    public void A_listed_first_name_that_starts_no_person_name_in_training_is_flagged_apart()
    {
        var lexicon = EntityLexicon.Default;
        Assert.Contains("Northrop", (IReadOnlySet<string>)lexicon.FirstNames);
        Assert.Contains("John", (IReadOnlySet<string>)lexicon.FirstNames);
        var gazetteer = new NerGazetteer([], [NerGazetteer.WordKey("John")]);
        uint john = NerFeatures.WordFlags("John", lexicon, gazetteer), northrop = NerFeatures.WordFlags("Northrop", lexicon, gazetteer);
        Assert.NotEqual(0u, john & NerFeatures.FirstNameBit);
        Assert.Equal(0u, john & NerFeatures.RareFirstNameBit);
        Assert.Equal(0u, northrop & NerFeatures.FirstNameBit);
        Assert.NotEqual(0u, northrop & NerFeatures.RareFirstNameBit);
        // Without a gazetteer (or one with no first names), every listed name is a first name as before.
        Assert.NotEqual(0u, NerFeatures.WordFlags("Northrop", lexicon) & NerFeatures.FirstNameBit);
        Assert.Equal(0u, NerFeatures.WordFlags("Northrop", lexicon) & NerFeatures.RareFirstNameBit);
        Assert.Equal(0u, NerFeatures.WordFlags("Northrop", lexicon, new NerGazetteer([Name("Acme")], [])) & NerFeatures.RareFirstNameBit);
    }

    [Fact]
    public void A_training_view_leaves_out_the_names_only_its_own_document_gave()
    {
        ulong acme = Name("Acme"), globex = Name("Globex");
        var gazetteer = new NerGazetteer([acme, globex], [NerGazetteer.WordKey("John")]).WithViews(
            new Dictionary<string, (HashSet<ulong>, HashSet<ulong>)> { ["doc a"] = ([acme], [NerGazetteer.WordKey("John")]) });
        Assert.False(gazetteer.For("doc a").IsOrg(acme));
        Assert.True(gazetteer.For("doc a").IsOrg(globex));
        Assert.False(gazetteer.For("doc a").IsCommonFirstName(NerGazetteer.WordKey("John")));
        Assert.True(gazetteer.For(new string("doc a".ToCharArray())).IsOrg(globex)); // compared by content
        Assert.True(gazetteer.For("doc b").IsOrg(acme));
        Assert.True(gazetteer.WithoutViews().For("doc a").IsOrg(acme));
    }

    [Fact]
    public void A_saved_model_keeps_its_gazetteer()
    {
        var gazetteer = new NerGazetteer([Name("Northrop Grumman")], [NerGazetteer.WordKey("John")]);
        var model = NerTrainer.Train(TaggerFixtures.TinyCorpus(), EntityLexicon.Default, new NerTrainingOptions { Epochs = 2, HashBits = 12 },
            ct: TestContext.Current.CancellationToken, gazetteer: gazetteer);
        using var stream = new MemoryStream();
        model.Save(stream, prune: 0);
        stream.Position = 0;
        var loaded = NerModel.Load(stream).Gazetteer!;
        Assert.True(loaded.IsOrg(Name("Northrop Grumman")));
        Assert.False(loaded.IsOrg(Name("Northrop")));
        Assert.True(loaded.IsCommonFirstName(NerGazetteer.WordKey("john")));
        Assert.False(loaded.IsCommonFirstName(NerGazetteer.WordKey("Northrop")));
    }

    [Theory]
    [InlineData("John Smith won the contract.", "John Smith")]
    [InlineData("Mary Jones won the contract on Tuesday.", "Mary Jones")]
    [InlineData("Shares fell after Karen Walsh left the board.", "Karen Walsh")]
    [InlineData("Northrop Smith won the contract.", "Northrop Smith")]
    public void The_shipped_tagger_keeps_people_whatever_the_first_names_count(string text, string name)
    {
        var tagger = NerTagger.Default;
        Assert.NotNull(tagger);
        var tokens = Tokenizer.TokenizeToArray(text);
        Assert.Contains(tagger.Spans(text, tokens), s => s.Type == EntityType.Person && text[tokens[s.Start].Start..tokens[s.End - 1].End] == name);
    }

    [Fact]
    public void The_shipped_gazetteer_counts_a_listed_name_that_starts_no_person_as_rare()
    {
        // "Northrop" is on the first-name list but starts no PERSON name in the training data; "John" starts many.
        var g = NerTagger.Default!.Model.Gazetteer!;
        Assert.False(g.IsCommonFirstName(NerGazetteer.WordKey("Northrop")));
        Assert.True(g.IsCommonFirstName(NerGazetteer.WordKey("John")));
        Assert.True(g.OrgCount > 1000);
    }
}
