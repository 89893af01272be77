using Parallax.Analysis.Facts;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Facts;

/// <summary>Documents run through the text, quantity and time stages, for the facts and time tests.</summary>
internal static class FactDocs
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.Build(
        new TokenizerStage(), new SentenceStage(), new QuantityStage(), new TimeStage());

    public static Document Analyse(string text, DateOnly? published = null) =>
        Pipeline.Run(new Document
        {
            Id = "d1",
            Origin = "test",
            Text = text,
            Metadata = new DocumentMetadata { Published = published is { } p ? new Sourced<DateOnly>(p, MetadataSource.Input) : null },
        });

    public static Quantity[] Quantities(string text) => Analyse(text).Quantities.ToArray();

    /// <summary>The one quantity whose span text is <paramref name="span"/>.</summary>
    public static Quantity Single(string text, string span)
    {
        var doc = Analyse(text);
        var found = doc.Quantities.Where(q => doc.Slice(q.Span) == span).ToArray();
        Assert.True(found.Length == 1,
            $"expected one quantity \"{span}\" in \"{text}\", found: {string.Join("; ", doc.Quantities.Select(q => $"\"{doc.Slice(q.Span)}\""))}");
        return found[0];
    }
}
