using System.Text;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Tests.Support;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Tests.Entities.Tagger;

[Collection(nameof(TimingCollection))]
public sealed class NerTaggerBadInputTests
{
    private static NerTagger Tagger => NerTagger.Default ?? throw new InvalidOperationException("the NER model is not embedded");

    [Fact]
    public void The_shipped_model_is_embedded_and_finds_a_plain_name()
    {
        var d = Docs.Analyse("Yesterday, Florencio Millan-Vazquez, 32, met reporters in Kansas City.");
        Assert.Contains("Florencio Millan-Vazquez", Docs.Mentions(d, Model.EntityType.Person));
        var (text, tokens) = TaggerFixtures.Tokens("The spokesman said Florencio Millan-Vazquez was detained .");
        Assert.Contains(Tagger.Spans(text, tokens), s => s.Type == Model.EntityType.Person);
    }

    [Theory]
    [InlineData("KANSAS CITY, MO — POLICE SAY THE SUSPECT FLED ON FOOT")]
    [InlineData("🙂🙂🙂 \uFFFD\uFFFD\uFFFD\uFFFD 🚒 Sarah Boyd 🙂")]
    [InlineData("no punctuation here sarah boyd went to kansas city and then left again and again")]
    [InlineData("\uFFFD")]
    [InlineData("")]
    public void Hostile_text_is_analysed_without_error(string text)
    {
        var d = Docs.Analyse(text);
        Assert.All(d.Entities, m => Assert.InRange(m.End, m.Start + 1, text.Length));
    }

    [Fact]
    public void A_long_unpunctuated_line_is_tagged_in_linear_time()
    {
        static string Line(int chars)
        {
            var words = new[] { "the", "Harbor", "Authority", "said", "Maria", "Delgado", "went", "to", "Port", "Alden", "🙂", "\uFFFD" };
            var sb = new StringBuilder(chars + 16);
            for (int i = 0; sb.Length < chars; i++) sb.Append(words[i * 7 % words.Length]).Append(' ');
            return sb.ToString();
        }
        static Action Tag(string text)
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            var labels = new byte[tokens.Length];
            return () => Tagger.Tag(text, tokens, labels);
        }
        // Ten times the text; linear work takes about ten times as long. A quadratic step would take a hundred.
        LinearTime.Assert(Tag(Line(1_000_000)), Tag(Line(10_000_000)));
    }
}
