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
    public static (List<Document> Docs, List<List<Document>> Stories) Read(string folder, FactGold gold, string origin, bool allowTest = false)
    {
        var names = gold.Facts.SelectMany(f => f.Claims).Select(c => c.Doc).Concat(gold.NonClaims.Select(n => n.Doc))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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
            var doc = new Document { Id = name, Origin = $"ecbplus/{name}.xml", Text = ecb.Text };
            docs.Add(doc);
            string story = $"{topic}{(name.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb")}";
            if (!stories.TryGetValue(story, out var list)) stories[story] = list = [];
            list.Add(doc);
        }
        return (docs, [.. stories.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)]);
    }
}
