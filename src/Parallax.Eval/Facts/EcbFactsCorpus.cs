using System.Globalization;
using Parallax.Eval.Coreference;
using Parallax.Model;

namespace Parallax.Eval.Facts;

/// <summary>
/// The documents a facts gold over ECB+ names (<c>"corpus"</c> pointing at the folder holding <c>ECB+/</c>): each read
/// from its XML with the text rebuilt from its tokens, and grouped into one story per event (an ECB+ topic has two
/// look-alike events, its <c>ecb</c> and its <c>ecbplus</c> files), so the facts are scored given the right story and
/// story clustering is judged elsewhere. Test topics (36–45) are refused: they are kept for the final figure.
/// </summary>
public static class EcbFactsCorpus
{
    /// <summary>True when the folder is an ECB+ corpus (holds <c>ECB+/</c>).</summary>
    public static bool Is(string folder) => Directory.Exists(Path.Combine(folder, "ECB+"));

    /// <summary>Reads the named documents; returns them (id = file name without extension, e.g. "12_3ecb") and the
    /// stories they form. A name that is not an ECB+ document, or is in a test topic, raises <see cref="FormatException"/>.</summary>
    public static (List<Document> Docs, List<List<Document>> Stories) Read(string folder, FactGold gold, string origin, bool allowTest = false) =>
        Read(folder, gold.Facts.SelectMany(f => f.Claims).Select(c => c.Doc).Concat(gold.NonClaims.Select(n => n.Doc)), origin, allowTest);

    /// <summary>Reads the named documents (see the gold overload); names may repeat.</summary>
    public static (List<Document> Docs, List<List<Document>> Stories) Read(string folder, IEnumerable<string> documentNames, string origin, bool allowTest = false)
    {
        var names = documentNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var docs = new List<Document>();
        var stories = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            int underscore = name.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out int topic)
                || !(name.EndsWith("ecb", StringComparison.Ordinal) || name.EndsWith("ecbplus", StringComparison.Ordinal)))
                throw new FormatException($"{origin}: \"{name}\" is not an ECB+ document name (like 12_3ecb or 20_1ecbplus)");
            if (!allowTest && EcbPlusCorpus.TestTopics.Contains(topic))
                throw new FormatException($"{origin}: \"{name}\" is in test topic {topic} (36–45 are kept for the final figure)");
            string path = Path.Combine(folder, "ECB+", topic.ToString(CultureInfo.InvariantCulture), name + ".xml");
            if (!File.Exists(path)) throw new FormatException($"{origin}: no ECB+ document {name} ({path})");
            EcbPlusDocument ecb;
            using (var reader = File.OpenText(path)) ecb = EcbPlusDocument.Read(reader, name, topic.ToString(CultureInfo.InvariantCulture));
            var published = Dateline(ecb.Text);
            var doc = new Document
            {
                Id = name, Origin = $"ecbplus/{name}.xml", Text = ecb.Text,
                Metadata = published is { } p ? new DocumentMetadata { Published = new Sourced<DateOnly>(p, MetadataSource.Dateline) } : new DocumentMetadata(),
            };
            docs.Add(doc);
            string story = $"{topic}{(name.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb")}";
            if (!stories.TryGetValue(story, out var list)) stories[story] = list = [];
            list.Add(doc);
        }
        return (docs, [.. stories.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)]);
    }

    /// <summary>The document names of one sub-topic ("12ecb", "20ecbplus": a topic's ecb or ecbplus event), in name
    /// order; <see cref="FormatException"/> when the name is no sub-topic, is in a test topic, or has no documents.</summary>
    public static List<string> SubtopicDocuments(string folder, string subtopic, string origin)
    {
        int digits = 0;
        while (digits < subtopic.Length && char.IsAsciiDigit(subtopic[digits])) digits++;
        string suffix = subtopic[digits..];
        if (digits == 0 || suffix is not ("ecb" or "ecbplus") || !int.TryParse(subtopic.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out int topic))
            throw new FormatException($"{origin}: \"{subtopic}\" is not an ECB+ sub-topic (like 12ecb or 20ecbplus)");
        if (EcbPlusCorpus.TestTopics.Contains(topic))
            throw new FormatException($"{origin}: sub-topic {subtopic} is in test topic {topic} (36–45 are kept for the final figure)");
        string dir = Path.Combine(folder, "ECB+", topic.ToString(CultureInfo.InvariantCulture));
        var names = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, $"{topic}_*{suffix}.xml").Select(p => Path.GetFileNameWithoutExtension(p))
                .Where(n => int.TryParse(n.AsSpan(digits + 1, n.Length - digits - 1 - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? names : throw new FormatException($"{origin}: no ECB+ documents for sub-topic {subtopic} in {dir}");
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// The publication date an ECB+ page prints in its first lines ("Nov 28 , 2005", "Monday , 28 November 2005",
    /// "11 / 27 / 2005", "Novemer 27 , 2005"), or null. ECB+ keeps no metadata, so this stands in for the dateline the
    /// ingest stage reads from a real page; it is what lets a later report's revised count read as an update.
    /// </summary>
    public static DateOnly? Dateline(string text)
    {
        int lines = 0, at = 0;
        while (at < text.Length && lines++ < 8)
        {
            int end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            var words = text[at..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                int month = MonthOf(words[i]);
                if (month > 0)
                {
                    // "Nov 28 , 2005", "November 28th , 2005"
                    if (i + 3 < words.Length && Day(words[i + 1]) is int d1 && words[i + 2] == "," && Year(words[i + 3]) is int y1) return Make(y1, month, d1);
                    // "28 November 2005"
                    if (i > 0 && i + 1 < words.Length && Day(words[i - 1]) is int d2 && Year(words[i + 1]) is int y2) return Make(y2, month, d2);
                }
                // "11 / 27 / 2005", "11 / 28 / 05"
                if (i + 4 < words.Length && words[i + 1] == "/" && words[i + 3] == "/" && Day(words[i]) is int m && m <= 12
                    && Day(words[i + 2]) is int d3 && int.TryParse(words[i + 4], NumberStyles.None, CultureInfo.InvariantCulture, out int y3))
                    return Make(y3 < 100 ? 2000 + y3 : y3, m, d3);
            }
            at = end + 1;
        }
        return null;

        static int MonthOf(string w)
        {
            if (w.Length < 3 || !char.IsLetter(w[0])) return 0;
            int i = Array.IndexOf(Months, w[..3].ToLowerInvariant());
            return i + 1;
        }
        static int? Day(string w)
        {
            var digits = w.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31 ? d : null;
        }
        static int? Year(string w) => w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2100 ? y : null;
        static DateOnly? Make(int y, int m, int d) => y is >= 1900 and <= 2100 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }
}
