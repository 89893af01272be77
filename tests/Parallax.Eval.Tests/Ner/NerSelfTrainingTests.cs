using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Eval.Ner;
using Parallax.Model;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerSelfTrainingTests
{
    internal static NerExample Example(string text, string labels)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        return new NerExample(text, tokens, labels.Split(' ').Select(n => (byte)Array.IndexOf(NerLabels.Names, n)).ToArray());
    }

    [Fact]
    public void Taken_sentences_name_something_and_each_name_keeps_one_type_in_its_document()
    {
        RepositoryPaths.RequireShared("data/quotes/polnear/train/text");
        var gold = new[]
        {
            Example("Hillary Clinton spoke in Iowa on Monday .", "B-PERSON I-PERSON O O B-PLACE O O O"),
            Example("Donald Trump told Fox News that Ohio matters .", "B-PERSON I-PERSON O B-ORG I-ORG O B-PLACE O O"),
            Example("the campaign said it would win .", "O O O O O O O"),
        };
        var teacher = NerTrainer.Train(gold, EntityLexicon.Default, new NerTrainingOptions { Epochs = 3, HashBits = 14 },
            ct: TestContext.Current.CancellationToken);
        var examples = NerSelfTraining.Examples(RepositoryPaths.Shared!, teacher, EntityLexicon.Default);
        Assert.NotEmpty(examples);
        foreach (var byDocument in examples.GroupBy(e => e.Text))
        {
            var types = new Dictionary<string, HashSet<EntityType>>();
            foreach (var e in byDocument)
            {
                Assert.InRange(e.Tokens.Length, 1, 60);
                var spans = NerLabels.Spans(e.Labels);
                Assert.NotEmpty(spans);
                foreach (var (a, b, type) in spans)
                {
                    var name = e.Text[e.Tokens[a].Start..e.Tokens[b - 1].End];
                    if (!types.TryGetValue(name, out var set)) types[name] = set = [];
                    set.Add(type);
                }
            }
            Assert.All(types, t => Assert.Single(t.Value));
        }
    }
}
