using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Workflow;

namespace Parallax.Eval.Facts;

/// <summary>
/// The PolNeAR corpus (../shared/data/quotes/polnear: 2016 US election hard news from 7 publishers) as an audit corpus:
/// each split is given to the product as a user would give it — one JSON record per article with its publisher as
/// <c>outlet</c> and its date as <c>published</c>, in publication order — and grouped into stories by the product's own
/// streaming clusterer (<see cref="CorpusAnalyzer"/>, as <c>parallax analyze</c> does). Only stories with reports from at
/// least two publishers are audited. Audit rows name the split as their sub-topic (<c>polnear-train</c>: tuning,
/// <c>polnear-dev</c>: check) and each claim's report by its PolNeAR file name, so rows match whatever story ids the
/// clustering gives. The test split is kept back: it is never read.
/// </summary>
public static class PolnearFactsCorpus
{
    public const string Prefix = "polnear-", Train = "polnear-train", Dev = "polnear-dev";

    /// <summary>Whether every sub-topic names a PolNeAR split (and there is at least one).</summary>
    public static bool Is(IReadOnlyCollection<string> subtopics) =>
        subtopics.Count > 0 && subtopics.All(s => s.StartsWith(Prefix, StringComparison.Ordinal));

    /// <summary>The folder name of a PolNeAR sub-topic's split; <see cref="FormatException"/> for anything but train and dev.</summary>
    public static string SplitOf(string subtopic, string origin) => subtopic switch
    {
        Train => "train",
        Dev => "dev",
        _ => throw new FormatException($"{origin}: \"{subtopic}\" is not a PolNeAR audit split (only {Train} and {Dev}; the test split is kept back)"),
    };

    /// <summary>The split's articles as the product reads them: one in-memory <c>.json</c> record per article, named by its
    /// PolNeAR file name, ordered by date then name. Metadata rows of other splits are skipped and their texts never opened.</summary>
    public static List<InputFile> Inputs(string folder, string split)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "metadata.tsv"));
        var header = lines[0].Split('\t');
        int compartment = Array.IndexOf(header, "compartment"), file = Array.IndexOf(header, "filename"),
            publisher = Array.IndexOf(header, "publisher"), date = Array.IndexOf(header, "publication_date");
        if (Math.Min(Math.Min(compartment, file), Math.Min(publisher, date)) < 0)
            throw new FormatException($"{Path.Combine(folder, "metadata.tsv")}:1: needs compartment, filename, publisher and publication_date columns");
        var rows = new List<(string Date, string File, string Publisher)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length <= Math.Max(Math.Max(compartment, file), Math.Max(publisher, date)) || cells[compartment] != split) continue;
            rows.Add((cells[date], cells[file], cells[publisher]));
        }
        rows.Sort((a, b) => a.Date != b.Date ? string.CompareOrdinal(a.Date, b.Date) : string.CompareOrdinal(a.File, b.File));
        var inputs = new List<InputFile>(rows.Count);
        foreach (var (day, name, outlet) in rows)
        {
            string text = File.ReadAllText(Path.Combine(folder, split, "text", name + ".txt"));
            var record = new Dictionary<string, string> { ["outlet"] = outlet, ["published"] = day, ["text"] = text };
            inputs.Add(new InputFile(name + ".json", JsonSerializer.SerializeToUtf8Bytes(record)));
        }
        return inputs;
    }

    /// <summary>Analyses one split as <c>parallax analyze</c> would and returns its report.json.</summary>
    public static byte[] Analyse(string folder, string split)
    {
        var analyzer = new CorpusAnalyzer(StandardPipeline.Create(), Environment.ProcessorCount);
        using var buffer = new MemoryStream();
        Parallax.Report.ReportJsonWriter.Write(analyzer.Run(CorpusSource.Files(Inputs(folder, split))).Report, buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The facts of one split's report that the audit judges: those of stories with reports from at least two outlets,
    /// each claim's document named by its PolNeAR file name (the report's path without ".json"), fact ids prefixed by the
    /// sub-topic so two splits' reports can be scored together.
    /// </summary>
    public static ReportFacts Facts(byte[] reportJson, string subtopic, string origin)
    {
        var facts = ReportFacts.Parse(reportJson, origin);
        var names = facts.Documents.ToDictionary(d => d.Id, d => NameOf(d.Path), StringComparer.Ordinal);
        var multi = MultiOutletStories(reportJson, origin);
        var claims = facts.Claims
            .Where(c => multi.Contains(StoryOf(c.Fact)))
            .Select(c => c with { Doc = names.GetValueOrDefault(c.Doc, c.Doc), Fact = $"{subtopic}:{c.Fact}" });
        return new ReportFacts([.. facts.Documents.Select(d => d with { Id = names[d.Id] })], [.. claims])
        {
            About = facts.About.ToImmutableDictionary(kv => $"{subtopic}:{kv.Key}", kv => kv.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>Two reports' facts as one (the train and dev splits).</summary>
    public static ReportFacts Concat(IEnumerable<ReportFacts> reports)
    {
        var list = reports.ToList();
        return new ReportFacts([.. list.SelectMany(r => r.Documents)], [.. list.SelectMany(r => r.Claims)])
        {
            About = list.SelectMany(r => r.About).ToImmutableDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>The sub-topic a fact id of <see cref="Facts"/> carries ("polnear-train:s15/f3" → "polnear-train").</summary>
    public static string SubtopicOfFact(string fact)
    {
        int colon = fact.IndexOf(':');
        return colon < 0 ? fact : fact[..colon];
    }

    /// <summary>The file of one split beside a --save or --report path: "r.json" → "r.polnear-dev.json". A path that
    /// already names a split ("r.polnear-train.json", one of the saved files itself) stands for the same pair.</summary>
    public static string SplitPath(string path, string subtopic)
    {
        string stem = Path.GetFileNameWithoutExtension(path);
        foreach (var known in (ReadOnlySpan<string>)[Train, Dev])
            if (stem.EndsWith("." + known, StringComparison.Ordinal)) { stem = stem[..^(known.Length + 1)]; break; }
        return Path.Combine(Path.GetDirectoryName(path) ?? "", $"{stem}.{subtopic}{Path.GetExtension(path)}");
    }

    private static string NameOf(string path)
    {
        string name = Path.GetFileName(path);
        int hash = name.IndexOf('#');
        if (hash >= 0) name = name[..hash];
        return name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name;
    }

    private static string StoryOf(string fact)
    {
        int slash = fact.IndexOf('/');
        return slash < 0 ? fact : fact[..slash];
    }

    /// <summary>Ids of the stories whose documents come from at least two outlets (report.json's <c>outlet</c>).</summary>
    private static HashSet<string> MultiOutletStories(byte[] json, string origin)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        try
        {
            var outlet = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in root.GetProperty("documents").EnumerateArray())
                outlet[d.GetProperty("id").GetString()!] = d.TryGetProperty("outlet", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "";
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var story in root.GetProperty("stories").EnumerateArray())
            {
                var outlets = story.GetProperty("documents").EnumerateArray()
                    .Select(d => outlet.GetValueOrDefault(d.GetString()!, "")).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal);
                if (outlets.Count() >= 2) result.Add(story.GetProperty("id").GetString()!);
            }
            return result;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{origin}: not a Parallax report (documents and stories as the contract gives): {e.Message}"));
        }
    }
}
