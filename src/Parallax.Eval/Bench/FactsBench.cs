using System.Diagnostics;
using Parallax.Analysis.Citations;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Facts;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Eval.Coreference;
using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Eval.Bench;

/// <summary>One story size: documents, tokens, and the median run's claims, facts, accounts and times (ms).</summary>
public sealed record FactsBenchRow(int Documents, long Tokens, int Claims, int Facts, int Accounts, double ExtractMs, double AlignMs);

/// <summary>
/// <c>parallax bench facts</c>'s workload: fact extraction (the date and quantity stages) and cross-document alignment
/// for one story of each size, on one core. The story is ECB+ news reports (../shared/data/events/ecbplus, read at run
/// time) taken in topic order, so a story of up to ~980 documents holds distinct real reports about a few related
/// events; larger sizes replay them with fresh ids. Each size runs several times and the median run is returned.
/// </summary>
public sealed class FactsBench
{
    private readonly Document[] prepared;
    private readonly TimeStage timeStage = new();
    private readonly QuantityStage quantityStage = new();

    /// <summary>Distinct ECB+ texts the stories are made of.</summary>
    public int DistinctTexts { get; }

    public FactsBench(string shared, int largest)
    {
        SharedData.Folder(shared, "events", "ecbplus", "ECB+"); // a one-line "not found:" when ../shared lacks it
        var corpus = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        var texts = corpus.Topics("all").SelectMany(corpus.ReadTopic).Select(d => d.Text).Where(t => t.Length > 0).ToList();
        DistinctTexts = texts.Count;
        // Everything before the fact stages runs once, untimed: the benchmark is about facts.
        var before = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default),
            new QuoteStage(), new CitationStage());
        prepared = new Document[largest];
        for (int i = 0; i < largest; i++)
            prepared[i] = before.Run(new Document { Id = $"d{i + 1}", Origin = $"ecbplus#{i}", Text = texts[i % texts.Count] });
        // Warm-up, long enough for tiered JIT to settle, so compilation is not timed.
        for (int i = 0; i < 5; i++) Measure(prepared.AsSpan(0, Math.Min(200, largest)).ToArray());
    }

    /// <summary>The median of <paramref name="runs"/> runs (one run from 5,000 documents up) for a story of
    /// <paramref name="n"/> documents.</summary>
    public FactsBenchRow Run(int n, int runs)
    {
        var docs = prepared.AsSpan(0, n).ToArray();
        var samples = Enumerable.Range(0, n >= 5000 ? 1 : runs).Select(_ => Measure(docs)).ToList();
        var median = samples.OrderBy(s => s.ExtractMs + s.AlignMs).ElementAt(samples.Count / 2);
        return median with { Tokens = docs.Sum(d => (long)d.Tokens.Length) };
    }

    private FactsBenchRow Measure(Document[] docs)
    {
        var clock = Stopwatch.StartNew();
        var analysed = new Document[docs.Length];
        for (int i = 0; i < docs.Length; i++)
            analysed[i] = quantityStage.Run(timeStage.Run(docs[i], CancellationToken.None), CancellationToken.None);
        double extract = clock.Elapsed.TotalMilliseconds;
        int fact = 0, account = 0;
        clock.Restart();
        // No entity merging here: claims carry no speaker, which only removes a dictionary lookup per claim.
        var result = new FactAligner().Align(analysed, (_, _) => (null, null), () => $"f{++fact}", () => $"a{++account}");
        double align = clock.Elapsed.TotalMilliseconds;
        return new FactsBenchRow(docs.Length, 0, analysed.Sum(d => d.Quantities.Length), result.Facts.Length, result.Accounts.Length, extract, align);
    }
}
