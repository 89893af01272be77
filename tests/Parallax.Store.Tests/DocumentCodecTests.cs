using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Model;

namespace Parallax.Store.Tests;

public sealed class DocumentCodecTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static Document RoundTrip(Document d)
    {
        var (json, layers) = DocumentCodec.Encode(d);
        return DocumentCodec.Decode(json, layers, d.Id, d.Text);
    }

    [Fact]
    public void Analysed_documents_decode_to_exactly_what_was_stored()
    {
        var docs = new[]
        {
            TestDocs.Doc("d1", TestDocs.BridgeA, new DateOnly(2025, 3, 3), "Barge hits bridge"),
            TestDocs.Doc("d2", TestDocs.BridgeB),
            TestDocs.Doc("d3", TestDocs.Election, new DateOnly(2024, 11, 5)),
            TestDocs.Doc("d4", ""),
            TestDocs.Doc("d5", "Mayor Ines Calder told the Port Alden Gazette on March 4, 2025 that 12 people were hurt, according to the Coast Guard, and about 40 minutes passed before help came."),
        };
        // Every layer is exercised by some document.
        Assert.Contains(docs, d => d.Quotes.Length > 0);
        Assert.Contains(docs, d => d.Entities.Length > 0);
        Assert.Contains(docs, d => d.Citations.Length > 0);
        Assert.Contains(docs, d => d.Quantities.Length > 0);
        Assert.Contains(docs, d => d.Times.Length > 0);
        foreach (var d in docs)
        {
            var back = RoundTrip(d);
            AssertSame(d, back);
            // Every public property, whatever is added to the model later.
            Assert.Equal(JsonSerializer.Serialize(d, Json), JsonSerializer.Serialize(back, Json));
        }
    }

    [Fact]
    public void Every_field_and_odd_value_survives()
    {
        const string text = "Ünïcode text: \"quoted words\" said Dr. Ada Byron on 5 May, about -0 to infinity things.";
        var d = new Document
        {
            Id = "d9",
            Origin = "feeds/x.rss#item=3",
            Text = text,
            Metadata = new DocumentMetadata
            {
                Title = new("Title \ud800 with a lone surrogate", MetadataSource.Markup),
                Outlet = new("Outlet 🙂", MetadataSource.Url),
                Published = new(new DateOnly(1, 1, 1), MetadataSource.Header),
                Url = "https://example.org/a?b=c",
                Retrieved = new DateOnly(9999, 12, 31),
                Authors = new(["Ada Byron", "", "Ada Byron"], MetadataSource.Byline),
                Modified = new(new DateOnly(2025, 2, 28), MetadataSource.Archive),
                Language = new("de-AT", MetadataSource.Input),
            },
            Removed = [new RemovedText("Subscribe now", "promo"), new RemovedText("Subscribe now", "promo"), new RemovedText("", "empty")],
            CopyOf = new CopyRelation("d2", 0.8123456789012345),
            Layers = Layers.Tokens | Layers.Sentences | Layers.Entities | Layers.Quotes | Layers.Citations | Layers.Times | Layers.Quantities,
            Tokens = [new Token(0, 7, TokenKind.Word, TokenShape.Capitalized | TokenShape.SentenceStart), new Token(8, 12, TokenKind.Word, TokenShape.None), new Token(100_000, 100_001, TokenKind.Symbol, TokenShape.HasDigit)],
            Sentences = [new Sentence(0, 40, 0, 2), new Sentence(41, 90, 2, 1), new Sentence(41, 41, 3, 0)],
            // Out of order and overlapping on purpose: deltas must be signed.
            Entities = [new EntityMention(50, 59, EntityType.Person, "Dr."), new EntityMention(10, 12, EntityType.Other), new EntityMention(10, 12, EntityType.Place, "")],
            Quotes =
            [
                new Quote(new TextSpan(15, 27), QuoteKind.Direct, new TextSpan(29, 33), new TextSpan(38, 47), null, new TextSpan(34, 47)),
                new Quote(new TextSpan(60, 70), QuoteKind.Indirect, null, null, "a spokesman", null),
                new Quote(new TextSpan(5, 9), QuoteKind.Block, new TextSpan(0, 3), null, "a spokesman"),
            ],
            Citations = [new Citation(34, 47, "Dr. Ada Byron", CitationKind.Person), new Citation(1, 2, "", CitationKind.Document)],
            Times = [new TimeExpression(51, 56, "2025-05-05", DatePrecision.Day, false), new TimeExpression(51, 56, null, DatePrecision.Minute, true)],
            Quantities =
            [
                new Quantity(64, 66, QuantityKind.Count, -0.0, 0.0, double.PositiveInfinity, "", "thing", Qualifier.MoreThan),
                new Quantity(64, 66, QuantityKind.Money, double.NaN, double.NegativeInfinity, double.NaN, "USD", "thing", Qualifier.Range),
                new Quantity(70, 80, QuantityKind.Duration, 1e300, 1e300, 1e300, "s", "minute", Qualifier.Exact),
            ],
        };
        var back = RoundTrip(d);
        AssertSame(d, back);
        Assert.True(double.IsNegative(back.Quantities[0].Value)); // -0 stays -0 (a bound flag must compare bits)
        Assert.False(double.IsNegative(back.Quantities[0].Lower));
    }

    [Fact]
    public void Rows_in_the_older_format_still_decode()
    {
        var d = TestDocs.Doc("d1", TestDocs.BridgeA, new DateOnly(2025, 3, 3), "Barge hits bridge");
        var (json, layers) = DocumentCodec.EncodeLegacy(d);
        Assert.Equal(1, layers[0]);
        Assert.NotEqual("", json);
        AssertSame(d, DocumentCodec.Decode(json, layers, d.Id, d.Text));
    }

    [Fact]
    public void The_stored_form_is_a_fraction_of_the_older_one()
    {
        var d = TestDocs.Doc("d1", TestDocs.BridgeA + " " + TestDocs.BridgeB + " " + TestDocs.Election, new DateOnly(2025, 3, 3), "Barge hits bridge");
        var (oldJson, oldLayers) = DocumentCodec.EncodeLegacy(d);
        var (json, layers) = DocumentCodec.Encode(d);
        Assert.Equal("", json);
        Assert.Equal(2, layers[0]);
        Assert.True(layers.Length * 4 < System.Text.Encoding.UTF8.GetByteCount(oldJson) + oldLayers.Length,
            $"{layers.Length} bytes now, {oldJson.Length + oldLayers.Length} before");
    }

    [Fact]
    public void A_damaged_or_unknown_blob_is_an_error_not_a_wrong_document()
    {
        var d = TestDocs.Doc("d1", TestDocs.BridgeA);
        var (json, layers) = DocumentCodec.Encode(d);
        Assert.Throws<InvalidDataException>(() => DocumentCodec.Decode(json, [.. layers.Take(layers.Length / 2)], d.Id, d.Text));
        Assert.Throws<InvalidDataException>(() => DocumentCodec.Decode(json, [9, .. layers.Skip(1)], d.Id, d.Text));
        Assert.Throws<InvalidDataException>(() => DocumentCodec.Decode(json, [], d.Id, d.Text));
    }

    /// <summary>The codec writes these fields by name: a new one must be added to it (and here), or it would be lost.</summary>
    [Fact]
    public void The_codec_knows_every_field_of_the_model()
    {
        static string[] Names(Type t) => [.. t.GetProperties().Where(p => p.CanWrite || t.IsValueType).Select(p => p.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["Citations", "CopyOf", "Entities", "Id", "Layers", "Metadata", "Origin", "Quantities", "Quotes", "Removed", "Sentences", "Text", "Times", "Tokens"], Names(typeof(Document)));
        Assert.Equal(["Authors", "Language", "Modified", "Outlet", "Published", "Retrieved", "Title", "Url"], Names(typeof(DocumentMetadata)));
        Assert.Equal(["About", "End", "Kind", "Lower", "Qualifier", "Span", "Start", "Unit", "Upper", "Value"], Names(typeof(Quantity)));
        Assert.Equal(["Content", "Cue", "Kind", "Source", "Speaker", "SpeakerLabel"], Names(typeof(Quote)));
        Assert.Equal(["End", "Iso", "Precision", "Relative", "Span", "Start"], Names(typeof(TimeExpression)));
        Assert.Equal(["Cites", "End", "Kind", "Span", "Start"], Names(typeof(Citation)));
        Assert.Equal(["End", "Span", "Start", "Title", "Type"], Names(typeof(EntityMention)));
        Assert.Equal(["End", "Kind", "Length", "Shape", "Span", "Start"], Names(typeof(Token)));
        Assert.Equal(["End", "EndToken", "FirstToken", "Length", "Span", "Start", "TokenCount"], Names(typeof(Sentence)));
        Assert.Equal(["Original", "Similarity"], Names(typeof(CopyRelation)));
        Assert.Equal(["Reason", "Text"], Names(typeof(RemovedText)));
    }

    internal static void AssertSame(Document a, Document b)
    {
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Origin, b.Origin);
        Assert.Equal(a.Text, b.Text);
        var (ma, mb) = (a.Metadata, b.Metadata);
        Assert.Equal(ma.Title, mb.Title);
        Assert.Equal(ma.Outlet, mb.Outlet);
        Assert.Equal(ma.Published, mb.Published);
        Assert.Equal(ma.Url, mb.Url);
        Assert.Equal(ma.Retrieved, mb.Retrieved);
        Assert.Equal(ma.Authors is null, mb.Authors is null);
        if (ma.Authors is { } aa && mb.Authors is { } ab)
        {
            Assert.Equal(aa.Source, ab.Source);
            Assert.Equal(aa.Value.AsEnumerable(), ab.Value.AsEnumerable());
        }
        Assert.Equal(ma.Modified, mb.Modified);
        Assert.Equal(ma.Language, mb.Language);
        Assert.Equal(a.Removed.AsEnumerable(), b.Removed.AsEnumerable());
        Assert.Equal(a.CopyOf, b.CopyOf);
        Assert.Equal(a.Layers, b.Layers);
        Assert.Equal(a.Tokens.AsEnumerable(), b.Tokens.AsEnumerable());
        Assert.Equal(a.Sentences.AsEnumerable(), b.Sentences.AsEnumerable());
        Assert.Equal(a.Entities.AsEnumerable(), b.Entities.AsEnumerable());
        Assert.Equal(a.Quotes.AsEnumerable(), b.Quotes.AsEnumerable());
        Assert.Equal(a.Citations.AsEnumerable(), b.Citations.AsEnumerable());
        Assert.Equal(a.Times.AsEnumerable(), b.Times.AsEnumerable());
        Assert.Equal(a.Quantities.Length, b.Quantities.Length);
        for (int i = 0; i < a.Quantities.Length; i++)
        {
            var (qa, qb) = (a.Quantities[i], b.Quantities[i]);
            Assert.Equal(qa with { Value = 0, Lower = 0, Upper = 0 }, qb with { Value = 0, Lower = 0, Upper = 0 });
            Assert.Equal(BitConverter.DoubleToInt64Bits(qa.Value), BitConverter.DoubleToInt64Bits(qb.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(qa.Lower), BitConverter.DoubleToInt64Bits(qb.Lower));
            Assert.Equal(BitConverter.DoubleToInt64Bits(qa.Upper), BitConverter.DoubleToInt64Bits(qb.Upper));
        }
    }
}
