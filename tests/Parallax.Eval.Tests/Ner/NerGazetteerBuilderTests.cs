using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Eval.Ner;
using Parallax.Model;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerGazetteerBuilderTests
{
    private static ulong Name(string name) => NerGazetteer.NameKey(name, Tokenizer.TokenizeToArray(name));

    private static NerExample Example(string text, string labels) => NerSelfTrainingTests.Example(text, labels);

    [Fact]
    public void A_name_only_one_document_gave_is_left_out_of_that_documents_training_view()
    {
        var a = Example("Acme and Globex Corp said Jane spoke .", "B-ORG O B-ORG I-ORG O B-PERSON O O");
        var b = Example("Globex Corp hired Jane .", "B-ORG I-ORG O B-PERSON O");
        var builder = new NerGazetteerBuilder(EntityLexicon.Default);
        builder.AddExamples([a, b]);
        var g = builder.Build();
        Assert.True(g.IsOrg(Name("Acme")));
        Assert.False(g.For(a.Text).IsOrg(Name("Acme")));
        Assert.True(g.For(b.Text).IsOrg(Name("Acme")));
        Assert.True(g.For(a.Text).IsOrg(Name("Globex Corp")));
    }

    [Fact]
    public void A_first_name_is_common_when_enough_documents_start_a_person_with_it_besides_the_examples_own()
    {
        var docs = Enumerable.Range(0, 3).Select(i => Example($"Jane Doe{i} spoke .", "B-PERSON I-PERSON O O")).ToList();
        docs.Add(Example("Mary Roe spoke .", "B-PERSON I-PERSON O O"));
        docs.Add(Example("Mary Roe left .", "B-PERSON I-PERSON O O"));
        var builder = new NerGazetteerBuilder(EntityLexicon.Default);
        builder.AddExamples(docs);
        var g = builder.Build();
        ulong jane = NerGazetteer.WordKey("Jane");
        Assert.True(g.IsCommonFirstName(jane));
        Assert.True(g.For("Another text .").IsCommonFirstName(jane));
        Assert.False(g.For(docs[0].Text).IsCommonFirstName(jane)); // the other two alone would not list it
        Assert.False(g.IsCommonFirstName(NerGazetteer.WordKey("Mary"))); // two documents are too few
        Assert.False(g.WithoutViews().IsCommonFirstName(NerGazetteer.WordKey("Northrop")));
    }

    [Fact]
    public void A_name_labelled_otherwise_more_often_than_organisation_is_no_organisation()
    {
        var builder = new NerGazetteerBuilder(EntityLexicon.Default);
        builder.AddExamples([
            Example("Jordan won .", "B-ORG O O"),
            Example("Jordan lost .", "B-PERSON O O"),
            Example("Jordan played .", "B-PERSON O O"),
            Example("Interpol said so .", "B-ORG O O O"),
        ]);
        var g = builder.Build();
        Assert.False(g.IsOrg(Name("Jordan")));
        Assert.True(g.IsOrg(Name("Interpol")));
    }

    [Fact]
    public void A_company_name_is_read_before_its_designator()
    {
        var builder = new NerGazetteerBuilder(EntityLexicon.Default);
        builder.AddCompanies("Shares of Northrop Grumman Corp. rose, and The Acme Group Inc. fell.\nMarkets\nGlobex, Inc. was flat.");
        var g = builder.Build().WithoutViews();
        Assert.True(g.IsOrg(Name("Northrop Grumman")));
        Assert.True(g.IsOrg(Name("Acme Group")));
        Assert.True(g.IsOrg(Name("Globex")));
        Assert.False(g.IsOrg(Name("Markets Globex")));
        Assert.False(g.IsOrg(Name("Shares")));
    }

    [Fact]
    public void The_shipped_gazetteer_reads_no_dev_split()
    {
        RepositoryPaths.RequireShared("data/ner/gum");
        var shared = RepositoryPaths.Shared!;
        var sources = NerDataSets.GazetteerSources(shared, NerDataSets.DefaultSources);
        var builder = new NerGazetteerBuilder(EntityLexicon.Default);
        builder.AddExamples(sources);
        var g = builder.Build().WithoutViews();
        var seen = new HashSet<ulong>();
        foreach (var ex in sources)
            foreach (var (s, e, _) in NerLabels.Spans(ex.Labels))
            {
                var name = ex.Text[ex.Tokens[s].Start..ex.Tokens[e - 1].End];
                seen.Add(Name(name));
            }
        int devOnly = 0;
        foreach (var set in NerDataSets.Evaluation(shared, "dev").Where(d => !d.Name.StartsWith("wikigold", StringComparison.Ordinal)))
            foreach (var ex in set.Sentences)
                foreach (var (s, e, type) in NerLabels.Spans(ex.Labels))
                {
                    var name = ex.Text[ex.Tokens[s].Start..ex.Tokens[e - 1].End];
                    if (type != EntityType.Org || seen.Contains(Name(name))) continue;
                    devOnly++;
                    Assert.False(g.IsOrg(Name(name)), $"{set.Name}: {name}");
                }
        Assert.True(devOnly > 50, $"{devOnly} organisation names only in dev");
    }
}
