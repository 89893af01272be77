using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Tests.Entities.Tagger;
using Parallax.Analysis.Tests.Support;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>"&lt;Department|Bureau|…&gt; of X and Y" is one organisation's name whatever the tagger does (issue 17).
/// Invented text.</summary>
public sealed class OrgNameListTests
{
    private const string Hud = "A spokesman for the U.S. Department of Housing and Urban Development said the grant was approved.";
    private const string Atf = "Agents of the Bureau of Alcohol, Tobacco and Firearms searched the house on Monday.";

    [Theory]
    [InlineData(Hud, "Department of Housing and Urban Development")]
    [InlineData(Atf, "Bureau of Alcohol, Tobacco and Firearms")]
    [InlineData("The Bureau of Alcohol, Tobacco, Firearms and Explosives said the guns were traced.", "Bureau of Alcohol, Tobacco, Firearms and Explosives")]
    [InlineData("Scientists at the National Institute of Standards and Technology measured it again.", "National Institute of Standards and Technology")]
    public void A_body_named_by_its_remit_is_one_organisation(string text, string name)
    {
        var d = Docs.Analyse(text);
        Assert.Contains(d.Entities, m => m.Type == EntityType.Org && d.Slice(m.Span).EndsWith(name, StringComparison.Ordinal));
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span) is "Urban Development" or "Tobacco" or "Firearms" or "Tobacco and Firearms"
            or "Explosives" or "Technology");
    }

    [Fact]
    public void A_tagger_that_parts_the_name_at_and_does_not_split_it()
    {
        // A model taught to end a name before "and" and begin another after it, as a retrained model did.
        NerExample[] corpus =
        [
            TaggerFixtures.Example("Officials of the Department of Housing and Urban Development spoke .", "O O O B-ORG I-ORG I-ORG O B-ORG I-ORG O O"),
            TaggerFixtures.Example("The Department of Housing and Urban Development paid .", "O B-ORG I-ORG I-ORG O B-ORG I-ORG O O"),
            TaggerFixtures.Example("Maria Delgado visited Port Alden on Monday .", "B-PERSON I-PERSON O B-PLACE I-PLACE O O O"),
            TaggerFixtures.Example("it rained all day .", "O O O O O"),
        ];
        var model = NerTrainer.Train(corpus, EntityLexicon.Default, new NerTrainingOptions { Epochs = 8, HashBits = 12 },
            ct: TestContext.Current.CancellationToken);
        var text = "A spokesman for the Department of Housing and Urban Development said the grant was approved.";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var labels = new byte[tokens.Length];
        new NerTagger(model, EntityLexicon.Default).Tag(text, tokens, labels);
        int and = Array.FindIndex(tokens, t => text.Substring(t.Start, t.Length) == "and");
        Assert.Equal(NerLabels.O, labels[and]); // the model parts the name here…
        Assert.True(NerLabels.IsBegin(labels[and + 1]));

        var pipeline = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default, model));
        var d = pipeline.Run(new Document { Id = "d1", Origin = "d1", Text = text }, TestContext.Current.CancellationToken);
        Assert.Equal(["Department of Housing and Urban Development"], Docs.Mentions(d, EntityType.Org)); // …the report does not
    }

    [Theory]
    [InlineData("The Department of Justice, the FBI and ATF agents searched the house.", "FBI")]
    [InlineData("Officials of the Ministry of Defence, Britain and France met on Monday.", "France")]
    [InlineData("The settlement between the Department of Justice and Microsoft was approved.", "Microsoft")]
    [InlineData("Officials from the Department of Defense, Lockheed Martin and Raytheon met on Monday.", "Raytheon")]
    [InlineData("Reporters asked the Department of Justice, Eric Holder and the FBI about it.", "Eric Holder")]
    public void A_second_body_after_and_stays_apart(string text, string second)
    {
        var d = Docs.Analyse(text);
        Assert.DoesNotContain(d.Entities, m => d.Slice(m.Span).Contains(second, StringComparison.Ordinal) && d.Slice(m.Span) != second);
    }
}
