using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report.Tests;

/// <summary>Builds a document from sentences and finds spans by the words they cover, so fixtures read as text
/// rather than as offsets.</summary>
internal sealed class DocBuilder
{
    private readonly List<TextSpan> _sentences = [];

    public DocBuilder(string id, params string[] sentences)
    {
        Id = id;
        var text = new System.Text.StringBuilder();
        foreach (var s in sentences)
        {
            if (text.Length > 0) text.Append(' ');
            _sentences.Add(new TextSpan(text.Length, text.Length + s.Length));
            text.Append(s);
        }
        Text = text.ToString();
    }

    public string Id { get; }
    public string Text { get; }

    /// <summary>The <paramref name="occurrence"/>-th span covering exactly <paramref name="words"/>.</summary>
    public DocSpan Find(string words, int occurrence = 0)
    {
        int at = -1;
        for (int k = 0; k <= occurrence; k++)
        {
            at = Text.IndexOf(words, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"'{words}' not in {Id}");
        }
        return new DocSpan(Id, at, at + words.Length);
    }

    /// <summary>The sentence holding <paramref name="span"/>.</summary>
    public DocSpan SentenceOf(DocSpan span)
    {
        foreach (var s in _sentences)
            if (s.Contains(span.Span)) return new DocSpan(Id, s.Start, s.End);
        throw new InvalidOperationException($"{span} is not inside one sentence of {Id}");
    }

    public Document Build(string outlet, string title, string origin, DateOnly? published, params RemovedText[] removed)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var s in _sentences) sentences.Add(new Sentence(s.Start, s.End, 0, 0));
        return new Document
        {
            Id = Id,
            Origin = origin,
            Text = Text,
            Metadata = new DocumentMetadata
            {
                Outlet = new Sourced<string>(outlet, MetadataSource.Markup),
                Title = new Sourced<string>(title, MetadataSource.Markup),
                Published = published is { } p ? new Sourced<DateOnly>(p, MetadataSource.Dateline) : null,
            },
            Removed = [.. removed],
            Layers = Layers.Sentences,
            Sentences = sentences.ToImmutable(),
        };
    }
}

/// <summary>Three invented reports of one event, modelled on the Kansas City ICE arrest seed, with one disputed
/// number ("about 25 minutes" vs "about 20 minutes"), an agreed one with an open upper bound, a single-source one,
/// a quote whose speaker is contested, citations, dates, entities and removed boilerplate.</summary>
internal static class Fixtures
{
    public const string Evil = "<script>alert(1)</script>";
    public const string EvilImg = "<img src=x onerror=alert(1)>";
    public const string EvilAttr = "\" onmouseover=\"alert(1)";

    public static CorpusAnalysis Corpus(bool hostile = false)
    {
        // A hostile variant puts markup into every kind of input the page shows: text, titles, outlets, names, paths, reasons.
        string x = hostile ? " " + Evil : "";
        string img = hostile ? " " + EvilImg : "";

        var d1 = new DocBuilder("d1",
            "U.S. Immigration and Customs Enforcement officers smashed the window of a Missouri man's car and arrested him on Monday, July 22, 2019." + x,
            "ICE officers in Kansas City boxed in a vehicle driven by Florencio Millan-Vazquez, 32, authorities said.",
            "\"After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice than make the arrest,\" according to ICE spokesman Shawn Neudauer.",
            "The Facebook Live video has more than 42,000 views." + img,
            "Kansas City police were on the scene to back up ICE officers, officials said.");
        var d2 = new DocBuilder("d2",
            "ICE agents approached Florencio Millan-Vazquez, 32, as he got in the car with his two children, NBC News reported.",
            "After about 25 minutes of recording, the officers smashed Millan-Vazquez's window and pulled him out of the car.",
            "\"After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice,\" Neudauer told NBC News.",
            "The Facebook Live video is more than 30 minutes long.");
        var d3 = new DocBuilder("d3",
            "Many Kansas City residents are concerned following the July 22, 2019 video of ICE agents breaking a man's car window.",
            "The 32-minute video was filmed by Millan-Vazquez's partner, Cheyenne Hoyt.",
            "After about 20 minutes, an ICE agent breaks the glass window and Millan-Vazquez is removed from the car." + x,
            "\"ICE officers were left with no other choice,\" Hoyt said.");

        var docs = ImmutableArray.Create(
            d1.Build(hostile ? "NBC News" + x : "NBC News", "ICE agents smash car window" + img,
                hostile ? "/corpus/nbc" + EvilAttr + ".txt" : "/corpus/nbc-ice-arrest.txt", new DateOnly(2019, 7, 23),
                new RemovedText("Breaking News Emails", "navigation"), new RemovedText("© 2019 NBC Universal" + x, "footer")),
            d2.Build("The Hill", "ICE officers drag man to the ground, break car window in now-viral video",
                "/corpus/thehill.html", new DateOnly(2019, 7, 23), new RemovedText("© Pucca Love", "image credit" + x)),
            d3.Build("Kansas City Globe", "Questions after ICE arrest in Kansas City", "/corpus/kcglobe.html#3", null));

        var neudauer = hostile ? "Shawn Neudauer" + img : "Shawn Neudauer";
        var entities = ImmutableArray.Create(
            new StoryEntity("e1", "Florencio Millan-Vazquez", EntityType.Person, ["Millan-Vazquez"],
                [d1.Find("Florencio Millan-Vazquez"), d1.Find("Millan-Vazquez", 1), d2.Find("Florencio Millan-Vazquez"),
                 d2.Find("Millan-Vazquez", 1), d2.Find("Millan-Vazquez", 2), d3.Find("Millan-Vazquez"), d3.Find("Millan-Vazquez", 1)]),
            new StoryEntity("e2", neudauer, EntityType.Person, ["Neudauer"], [d1.Find("Shawn Neudauer"), d2.Find("Neudauer")]),
            new StoryEntity("e3", "U.S. Immigration and Customs Enforcement", EntityType.Org, ["ICE"],
                [d1.Find("U.S. Immigration and Customs Enforcement"), d1.Find("ICE"), d2.Find("ICE"), d3.Find("ICE")]),
            new StoryEntity("e4", "Kansas City", EntityType.Place, [], [d1.Find("Kansas City"), d3.Find("Kansas City")]),
            new StoryEntity("e5", "Cheyenne Hoyt", EntityType.Person, ["Hoyt"], [d3.Find("Cheyenne Hoyt"), d3.Find("Hoyt", 1)]),
            new StoryEntity("e6", "NBC News", EntityType.Org, [], [d2.Find("NBC News"), d2.Find("NBC News", 1)]));

        var q1d1 = d1.Find("After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice than make the arrest,");
        var q1d2 = d2.Find("After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice,");
        var q1d3 = d3.Find("ICE officers were left with no other choice,");
        var quotes = ImmutableArray.Create(new QuoteGroup("q1",
            "After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice",
            "e2", SpeakerConflict: true,
            [new QuoteOccurrence(q1d1, QuoteKind.Direct, "e2", "ICE spokesman", d1.Find("according to"), d1.Find("ICE spokesman Shawn Neudauer")),
             new QuoteOccurrence(q1d2, QuoteKind.Direct, "e2", null, d2.Find("told"), d2.Find("Neudauer")),
             new QuoteOccurrence(q1d3, QuoteKind.Direct, "e5", null, d3.Find("said", 0), d3.Find("Hoyt", 1))]));

        Claim ClaimAt(DocBuilder d, string words, double value, double lower, double upper, Qualifier q, string? who = null, string? label = null)
        {
            var span = d.Find(words);
            return new Claim(span, d.SentenceOf(span), value, lower, upper, "s", q, who, label);
        }

        var facts = ImmutableArray.Create(
            new Fact("f1", "time before the window was smashed" + img, QuantityKind.Duration, FactStatus.Disputed,
                [ClaimAt(d1, "about 25 minutes", 1500, 1350, 1650, Qualifier.Approximate, "e2", "ICE spokesman"),
                 ClaimAt(d2, "about 25 minutes", 1500, 1350, 1650, Qualifier.Approximate),
                 ClaimAt(d3, "about 20 minutes", 1200, 1080, 1320, Qualifier.Approximate)],
                ["same measure: minutes", "same moment: the window is smashed"]),
            new Fact("f2", "length of the video", QuantityKind.Duration, FactStatus.Agreed,
                [ClaimAt(d2, "more than 30 minutes", 1800, 1800, double.PositiveInfinity, Qualifier.MoreThan),
                 ClaimAt(d3, "32-minute", 1920, 1920, 1920, Qualifier.Exact)],
                ["same measure: video length"]),
            new Fact("f3", "views of the video", QuantityKind.Count, FactStatus.Single,
                [new Claim(d1.Find("more than 42,000 views"), d1.SentenceOf(d1.Find("more than 42,000 views")),
                    42000, 42000, double.PositiveInfinity, "view", Qualifier.MoreThan, null, null)],
                []));

        var accounts = ImmutableArray.Create(new Account("a1", "the window is smashed",
            [d1.SentenceOf(d1.Find("smashed the window")), d2.SentenceOf(d2.Find("smashed Millan-Vazquez's window")),
             d3.SentenceOf(d3.Find("breaks the glass window"))], ["f1"]));

        var citations = ImmutableArray.Create(
            new StoryCitation(d1.Find("according to ICE spokesman Shawn Neudauer"), "Shawn Neudauer", CitationKind.Person),
            new StoryCitation(d2.Find("NBC News reported"), hostile ? "NBC News" + x : "NBC News", CitationKind.Outlet),
            new StoryCitation(d2.Find("told NBC News"), "NBC News", CitationKind.Outlet));

        // Deliberately out of date order, so the page has to sort.
        var timeline = ImmutableArray.Create(
            new TimelineEntry("2019-07-22", DatePrecision.Day, d3.Find("July 22, 2019"), d3.SentenceOf(d3.Find("July 22, 2019"))),
            new TimelineEntry("2019-07", DatePrecision.Month, d1.Find("Monday, July 22, 2019"), d1.SentenceOf(d1.Find("Monday, July 22, 2019"))),
            new TimelineEntry("2019-07-22T10:00", DatePrecision.Minute, d1.Find("Monday"), d1.SentenceOf(d1.Find("Monday"))));

        var story = new Story("s1", "ICE officers smash car window in Kansas City arrest" + x,
            ["d1", "d2", "d3"], entities, quotes, facts, accounts, citations, timeline);

        return new CorpusAnalysis(docs, [story],
            [new Rejection("/corpus/broken.warc", "not a WARC file: bad header" + x), new Rejection("/corpus/empty.txt", "no text left after cleaning")]);
    }

    /// <summary>A corpus of one document and one story holding the given spans as citations (any span kind would do).</summary>
    public static CorpusAnalysis WithSpans(string text, IEnumerable<(int Start, int End)> spans)
    {
        var doc = new Document { Id = "d1", Origin = "mem:1", Text = text };
        var citations = spans.Select(s => new StoryCitation(new DocSpan("d1", s.Start, s.End), "someone", CitationKind.Person)).ToImmutableArray();
        var story = new Story("s1", "t", ["d1"], [], [], [], [], citations, []);
        return new CorpusAnalysis([doc], [story], []);
    }
}
