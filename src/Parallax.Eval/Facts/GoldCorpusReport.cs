using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Report;
using Parallax.Stories;
using Parallax.Workflow;

namespace Parallax.Eval.Facts;

/// <summary>
/// A fresh analysis of the corpus a facts gold names (its <c>"corpus"</c>, relative to the gold file), as report.json
/// bytes, so a stored report and a fresh run are scored through the same contract. An ECB+ corpus is analysed as the
/// gold's named documents, one story per event (facts are scored given the right story; clustering is judged
/// elsewhere); any other corpus is analysed as <c>parallax analyze</c> would.
/// </summary>
public static class GoldCorpusReport
{
    /// <summary>The corpus folder or file the gold names, resolved against the gold file's folder; null when it names none.</summary>
    public static string? CorpusPath(FactGold gold, string goldPath) =>
        gold.Corpus is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath))!, gold.Corpus));

    /// <summary>Analyses <paramref name="corpus"/> (see <see cref="CorpusPath"/>) and returns its report.json.
    /// <paramref name="skipped"/> hears of each input left out. Raises <see cref="FileNotFoundException"/> ("not found: …")
    /// when the corpus is missing, <see cref="FormatException"/> for a gold naming documents the ECB+ corpus lacks, and
    /// <see cref="NothingReadException"/> when nothing could be read.</summary>
    public static byte[] Analyse(FactGold gold, string goldPath, string corpus, Action<Rejection>? skipped)
    {
        CorpusAnalysis analysis;
        if (EcbFactsCorpus.Is(corpus))
        {
            var (ecbDocs, stories) = EcbFactsCorpus.Read(corpus, gold, goldPath);
            analysis = AnalyseStories(ecbDocs, stories);
        }
        else
        {
            if (!File.Exists(corpus) && !Directory.Exists(corpus)) throw new FileNotFoundException($"not found: {corpus}");
            var analyzer = new CorpusAnalyzer(StandardPipeline.Create(), Environment.ProcessorCount) { Skipped = skipped };
            analysis = analyzer.Run(CorpusSource.Paths([corpus])).Report;
        }
        return Json(analysis);
    }

    /// <summary>The report.json of ECB+ documents (<see cref="EcbFactsCorpus.Read(string, IEnumerable{string}, string, bool)"/>),
    /// one story per sub-topic, analysed as <see cref="Analyse"/> does.</summary>
    public static byte[] AnalyseEcb(string corpus, IEnumerable<string> documentNames, string origin)
    {
        var (ecbDocs, stories) = EcbFactsCorpus.Read(corpus, documentNames, origin);
        return Json(AnalyseStories(ecbDocs, stories));
    }

    private static CorpusAnalysis AnalyseStories(List<Document> docs, List<List<Document>> stories)
    {
        var byId = StandardPipeline.Create().RunAll(docs, Environment.ProcessorCount, _ => { }).ToDictionary(d => d.Id);
        return new StoryBuilder().Build([.. byId.Values], stories.Select(s => (IReadOnlyList<Document>)[.. s.Select(d => byId[d.Id])]), []);
    }

    private static byte[] Json(CorpusAnalysis analysis)
    {
        using var buffer = new MemoryStream();
        ReportJsonWriter.Write(analysis, buffer);
        return buffer.ToArray();
    }
}
