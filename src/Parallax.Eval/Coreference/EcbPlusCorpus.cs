using System.Collections.Frozen;

namespace Parallax.Eval.Coreference;

/// <summary>The ECB+ corpus under ../shared/data/events/ecbplus: topics, the standard splits, and the sentences the
/// corpus authors validated for evaluation (ECBplus_coreference_sentences.csv).</summary>
public sealed class EcbPlusCorpus
{
    /// <summary>Dev topics of the standard split (Cybulska and Vossen 2015; Barhom et al. 2019).</summary>
    public static readonly int[] DevTopics = [2, 5, 12, 18, 21, 23, 34, 35];

    /// <summary>Test topics of the standard split.</summary>
    public static readonly int[] TestTopics = [36, 37, 38, 39, 40, 41, 42, 43, 44, 45];

    private readonly string _root;
    private readonly FrozenSet<(string File, int Sentence)> _selected;

    private EcbPlusCorpus(string root, FrozenSet<(string File, int Sentence)> selected)
    {
        _root = root;
        _selected = selected;
    }

    /// <summary>Opens the corpus folder (the one holding <c>ECB+/</c> and the sentence list).</summary>
    public static EcbPlusCorpus Open(string folder)
    {
        var csv = Path.Combine(folder, "ECBplus_coreference_sentences.csv");
        var selected = File.Exists(csv) ? ParseSelectedSentences(File.ReadLines(csv)) : FrozenSet<(string, int)>.Empty;
        return new EcbPlusCorpus(Path.Combine(folder, "ECB+"), selected);
    }

    /// <summary>Parses the "Topic,File,Sentence Number" list into (file name, sentence) pairs ("1_10ecbplus", 3).</summary>
    public static FrozenSet<(string File, int Sentence)> ParseSelectedSentences(IEnumerable<string> lines) =>
        lines.Skip(1).Select(l => l.Split(','))
            .Where(p => p.Length >= 3 && int.TryParse(p[2], out _))
            .Select(p => ($"{p[0].Trim()}_{p[1].Trim()}", int.Parse(p[2])))
            .ToFrozenSet();

    /// <summary>The topics of a split: "dev", "test", "train" (every topic that is neither) or "all".</summary>
    public IReadOnlyList<int> Topics(string split)
    {
        var present = Directory.EnumerateDirectories(_root).Select(Path.GetFileName)
            .Select(n => int.TryParse(n, out var t) ? t : -1).Where(t => t > 0).Order().ToList();
        return split switch
        {
            "dev" => present.Intersect(DevTopics).ToList(),
            "test" => present.Intersect(TestTopics).ToList(),
            "train" => present.Except(DevTopics).Except(TestTopics).ToList(),
            "all" => present,
            _ => throw new ArgumentException($"unknown split '{split}' (dev, test, train, all)", nameof(split)),
        };
    }

    /// <summary>Every document of a topic (ecb and ecbplus files), in file-name order.</summary>
    public IReadOnlyList<EcbPlusDocument> ReadTopic(int topic)
    {
        var dir = Path.Combine(_root, topic.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Directory.EnumerateFiles(dir, "*.xml").Order(StringComparer.Ordinal).Select(path =>
        {
            using var reader = File.OpenText(path);
            return EcbPlusDocument.Read(reader, Path.GetFileNameWithoutExtension(path), topic.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
    }

    /// <summary>Whether a sentence of a document is in the validated list (true for every sentence when the list is absent).</summary>
    public bool IsSelected(string file, int sentence) => _selected.Count == 0 || _selected.Contains((file, sentence));
}
