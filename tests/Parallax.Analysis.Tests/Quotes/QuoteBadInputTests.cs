using Parallax.Analysis.Entities;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Tests.Support;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Quotes;

/// <summary>Issue 4's bad input: no crash, no span outside the text, no quadratic time.</summary>
[Collection(nameof(TimingCollection))]
public sealed class QuoteBadInputTests
{
    public static TheoryData<string> Inputs => new()
    {
        "\"Unbalanced opening mark, she said, and it never closes",
        "It never opened,\" she said. \"Then this one, \u201Cand a curly one.",
        "\u201D\u201D\u201C\u201C\"''' '' ' \" \u201C",
        "He is 6' 2\" tall, weighs 180 lb and his reach is 74\" according to the file.",
        "Don't, won't, the students' fees and O'Neil's 'rock 'n' roll' said it's fine.",
        "| name | quote |\n|---|---|\n| \"a\" | \"b\" said |\n| x | '' |",
        "if (s == \"a\" && t != \"b\") { print(\"said\"); }\nvar q = '\"'; // he said, \"done\"",
        "\"" + new string('x', 5000) + "\"",
        "said said said, said. According to, , according to",
        "''",
        "\"\n\n\"\n\n\"",
        ", he said,",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void No_crash_and_every_span_inside_the_text(string text)
    {
        var d = Docs.Analyse(text);
        foreach (var q in d.Quotes)
        {
            AssertInside(q.Content, text.Length);
            if (q.Cue is { } c) AssertInside(c, text.Length);
            if (q.Speaker is { } s) AssertInside(s, text.Length);
            if (QuoteSource.Find(d, q) is { } src) AssertInside(src, text.Length);
            if (q.Source is { } stored) AssertInside(stored, text.Length);
        }
        foreach (var s in QuoteMarks.Find(text)) AssertInside(s, text.Length);
    }

    private static void AssertInside(TextSpan s, int length)
    {
        Assert.InRange(s.Start, 0, length);
        Assert.InRange(s.End, s.Start, length);
    }

    [Fact]
    public void Ten_megabytes_take_about_ten_times_one_megabyte()
    {
        // Quotes of every form, stray marks, inch marks and a table row, repeated: the quote stage alone is timed, on
        // documents already through tokens, sentences and entities.
        const string unit =
            "\"We closed the channel within the hour,\" Harbor Chief Lena Ortmann said. She said the tug was late, " +
            "sources said. According to the log, it was 6' 2\" off the pier. \"Then it stopped\n| a | \"b |\n" +
            "The council would \"fix the bridge\" soon, he said, and the mayor agreed that it was fine.\n";
        var upstream = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default));
        var stage = new QuoteStage();
        Document Build(int chars) => upstream.Run(new Document
        {
            Id = "d1", Origin = "d1", Text = string.Concat(Enumerable.Repeat(unit, chars / unit.Length + 1)),
        });
        var small = Build(1_000_000);
        var large = Build(10_000_000);
        LinearTime.Assert(() => stage.Run(small, CancellationToken.None), () => stage.Run(large, CancellationToken.None));
    }
}
