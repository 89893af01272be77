using System.Globalization;
using Parallax.Analysis.Pipeline;
using Parallax.Eval;
using Parallax.Eval.Coreference;
using Parallax.Eval.Facts;
using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Distill;

/// <summary>
/// The accounts-stage command: the fact aligner's accounts themselves (not a proxy), scored on ECB+ train and dev
/// topics. Each sub-topic (a topic's ecb files, its ecbplus files) is one story, run through the standard pipeline and
/// <see cref="FactAligner"/>. A pair of validated sentences of different documents is gold when both mention one
/// cross-document event (ACTION) cluster; a predicted pair is two such sentences in one account. Pairwise precision and
/// recall, for today's rule (shared rare words only) and for the phrase-vector test at several cosines; the shipped
/// cosine is the one with the best train recall at a train and a dev precision no lower than today's rule's.
/// </summary>
internal static class AccountStage
{
    private sealed record Story(List<Document> Docs, Dictionary<string, EcbPlusDocument> Ecb);

    public static int Run(Options o)
    {
        var ecb = EcbPlusCorpus.Open(SharedData.Folder(o.Shared, "events", "ecbplus"));
        var train = Step.Time("train stories", () => Stories(ecb, "train", o.Threads));
        var dev = Step.Time("dev stories", () => Stories(ecb, "dev", o.Threads));
        var gold = (Train: Gold(ecb, train), Dev: Gold(ecb, dev));
        Console.WriteLine($"accounts of the fact aligner on ECB+ sub-topics (train {train.Count} stories, {gold.Train.Count:N0} gold pairs; dev {dev.Count} stories, {gold.Dev.Count:N0} gold pairs)");
        Console.WriteLine("| rule | train P | train R | dev P | dev R | dev F1 | dev accounts |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var old = Row("shared rare words only (before)", new FactAlignerOptions { AccountCosine = 2 }, ecb, train, dev, gold);
        double shipped = FactAlignerOptions.Default.AccountCosine;
        (double T, double R) best = (2, -1);
        for (int step = 0; step < 8; step++)
        {
            double t = 0.76 + 0.02 * step;
            var (p, r, devP) = Row($"or phrase-vector cosine ≥ {t:F2}{(Math.Abs(t - shipped) < 1e-9 ? " (shipped)" : "")}",
                new FactAlignerOptions { AccountCosine = t }, ecb, train, dev, gold);
            if (p >= old.P && devP >= old.DevP && r > best.R) best = (t, r);
        }
        Console.WriteLine($"best train recall at train and dev precision ≥ before ({old.P:F3}, {old.DevP:F3}): cosine {best.T:F2}; shipped {shipped:F2}");
        return 0;
    }

    private static (double P, double R, double DevP) Row(string name, FactAlignerOptions options, EcbPlusCorpus ecb, List<Story> train, List<Story> dev,
        (HashSet<(string, int, string, int)> Train, HashSet<(string, int, string, int)> Dev) gold)
    {
        var (tp, tr, _, _) = Score(options, ecb, train, gold.Train);
        var (dp, dr, df, accounts) = Score(options, ecb, dev, gold.Dev);
        Console.WriteLine($"| {name} | {tp:F3} | {tr:F3} | {dp:F3} | {dr:F3} | {df:F3} | {accounts} |");
        return (tp, tr, dp);
    }

    private static (double P, double R, double F, int Accounts) Score(FactAlignerOptions options, EcbPlusCorpus ecb, List<Story> stories,
        HashSet<(string, int, string, int)> gold)
    {
        var aligner = new FactAligner(options);
        var predicted = new HashSet<(string, int, string, int)>();
        int accounts = 0, f = 0, a = 0;
        foreach (var story in stories)
        {
            var alignment = aligner.Align(story.Docs, (_, _) => (null, null), () => $"f{++f}", () => $"a{++a}");
            foreach (var account in alignment.Accounts)
            {
                accounts++;
                var members = account.Sentences.Select(s => (s.Doc, Sentence: SentenceOf(story.Ecb[s.Doc], s.Start, s.End)))
                    .Where(m => m.Sentence >= 0 && ecb.IsSelected(m.Doc, m.Sentence)).Distinct().ToList();
                for (int i = 0; i < members.Count; i++)
                    for (int j = i + 1; j < members.Count; j++)
                        if (members[i].Doc != members[j].Doc) predicted.Add(Key(members[i], members[j]));
            }
        }
        int tp = predicted.Count(gold.Contains);
        double p = predicted.Count == 0 ? 0 : tp / (double)predicted.Count, r = gold.Count == 0 ? 0 : tp / (double)gold.Count;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), accounts);
    }

    private static (string, int, string, int) Key((string Doc, int Sentence) x, (string Doc, int Sentence) y) =>
        string.CompareOrdinal(x.Doc, y.Doc) < 0 || (x.Doc == y.Doc && x.Sentence < y.Sentence) ? (x.Doc, x.Sentence, y.Doc, y.Sentence) : (y.Doc, y.Sentence, x.Doc, x.Sentence);

    /// <summary>The ECB+ sentence of the first token inside the span, or -1.</summary>
    private static int SentenceOf(EcbPlusDocument doc, int start, int end)
    {
        foreach (var t in doc.Tokens)
            if (t.Start >= start) return t.Start < end ? t.Sentence : -1;
        return -1;
    }

    private static HashSet<(string, int, string, int)> Gold(EcbPlusCorpus ecb, List<Story> stories)
    {
        var gold = new HashSet<(string, int, string, int)>();
        foreach (var story in stories)
        {
            var events = new List<(string Doc, int Sentence, HashSet<string> Events)>();
            foreach (var doc in story.Ecb.Values)
                foreach (var g in doc.Mentions.Where(m => m.Tag.StartsWith("ACTION", StringComparison.Ordinal) && m.Cluster is { } c && !c.Contains('#'))
                             .GroupBy(m => doc.Tokens[m.Tokens[0]].Sentence))
                    if (ecb.IsSelected(doc.Name, g.Key)) events.Add((doc.Name, g.Key, g.Select(m => m.Cluster!).ToHashSet(StringComparer.Ordinal)));
            for (int i = 0; i < events.Count; i++)
                for (int j = i + 1; j < events.Count; j++)
                    if (events[i].Doc != events[j].Doc && events[i].Events.Overlaps(events[j].Events))
                        gold.Add(Key((events[i].Doc, events[i].Sentence), (events[j].Doc, events[j].Sentence)));
        }
        return gold;
    }

    private static List<Story> Stories(EcbPlusCorpus ecb, string split, int threads)
    {
        var pipeline = StandardPipeline.Create();
        var stories = new List<Story>();
        foreach (var topic in ecb.Topics(split))
            foreach (var part in ecb.ReadTopic(topic).GroupBy(d => d.Name.EndsWith("ecbplus", StringComparison.Ordinal)))
            {
                var docs = part.Select(d => new Document
                {
                    Id = d.Name, Origin = $"ecbplus/{d.Name}.xml", Text = d.Text,
                    Metadata = EcbFactsCorpus.Dateline(d.Text) is { } p ? new DocumentMetadata { Published = new Sourced<DateOnly>(p, MetadataSource.Dateline) } : new DocumentMetadata(),
                }).ToList();
                var analysed = pipeline.RunAll(docs, threads).OrderBy(d => d.PublishedDate ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
                stories.Add(new Story(analysed, part.ToDictionary(d => d.Name, StringComparer.Ordinal)));
            }
        return stories;
    }
}
