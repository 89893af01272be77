using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>
/// Reads GUM CoNLL-U (<c>data/ner/gum/dep/*.conllu</c>) into flat NER sentences. GUM marks every mention (pronouns and
/// common nouns too) in nested <c>Entity=(id-etype-infstat-salience-centering-minspan-link[-identity]</c> brackets in
/// MISC; NER wants named mentions only, so a mention of type person, organization or place, cut at its first comma, bracket, clause or preposition not found inside names (of, for, de …), counts when its head token is
/// a proper noun, or when it carries a Wikipedia identity and holds a proper noun (which keeps "NASA Administrator
/// Charles Bolden" and drops "his" linked to Lord_Byron). A leading determiner and a trailing possessive "'s" are cut
/// off (the CoNLL convention the other corpora follow: "the United States" is tagged "United States"), and of nested
/// named mentions only the outermost is kept. Reddit documents are skipped: their text is not distributed.
/// </summary>
public static class GumReader
{
    /// <summary>GUM genres whose texts may be shipped in a commercial product's derived model: academic, court (CC-BY 4.0),
    /// news and interviews (Wikinews, CC-BY 2.5), bio and voyage (CC-BY-SA 3.0), per gum/LICENSE.txt. Essays, fiction,
    /// letters, podcasts and wikiHow are CC-BY-NC(-SA); conversation, speech, textbook and vlog have no licence line
    /// there, so they are left out too.</summary>
    public static readonly string[] ShippableGenres = ["academic", "bio", "court", "interview", "news", "voyage"];

    /// <summary>Document names per split ("train", "dev", "test", "test2") from splits.md.</summary>
    public static Dictionary<string, HashSet<string>> Splits(string splitsMarkdown)
    {
        var splits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? current = null;
        foreach (var raw in splitsMarkdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
                splits[line[3..].Trim()] = current = new HashSet<string>(StringComparer.Ordinal);
            else if (line.StartsWith("* ", StringComparison.Ordinal) && current is not null)
                current.Add(line[2..].Trim());
        }
        return splits;
    }

    /// <summary>The genre of a document name: "GUM_news_nasa" → "news".</summary>
    public static string Genre(string docName)
    {
        var parts = docName.Split('_');
        return parts.Length >= 3 ? parts[1] : "";
    }

    /// <summary>Reads the documents of <paramref name="split"/> from the gum folder, optionally only some genres.</summary>
    public static List<NerExample> ReadSplit(string gumFolder, string split, IReadOnlyCollection<string>? genres = null)
    {
        var splits = Splits(File.ReadAllText(Path.Combine(gumFolder, "splits.md")));
        if (!splits.TryGetValue(split, out var docs)) throw new ArgumentException($"GUM has no split '{split}'", nameof(split));
        var examples = new List<NerExample>();
        foreach (var doc in docs.Order(StringComparer.Ordinal))
        {
            if (Genre(doc) == "reddit") continue;
            if (genres is not null && !genres.Contains(Genre(doc))) continue;
            var path = Path.Combine(gumFolder, "dep", doc + ".conllu");
            if (!File.Exists(path)) continue;
            examples.AddRange(NerSentences.Document(Read(File.ReadLines(path)).ToList()));
        }
        return examples;
    }

    private sealed record Row(string Form, string Lemma, string Upos, int Head, string Misc);

    private sealed record Mention(int Start, int End, string Type, bool Identity);


    /// <summary>Sentences of one CoNLL-U document.</summary>
    public static IEnumerable<NerExample> Read(IEnumerable<string> lines)
    {
        var rows = new List<Row>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (rows.Count > 0) { if (Sentence(rows) is { } ex) yield return ex; rows.Clear(); }
                continue;
            }
            if (line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 10 || cols[0].Contains('-') || cols[0].Contains('.')) continue; // multiword and empty nodes
            rows.Add(new Row(cols[1], cols[2], cols[3], int.TryParse(cols[6], out var h) ? h : 0, cols[9]));
        }
        if (rows.Count > 0 && Sentence(rows) is { } last) yield return last;
    }

    private static NerExample? Sentence(List<Row> rows)
    {
        if (rows.TrueForAll(r => r.Form == "_")) return null; // text withheld (reddit)
        var mentions = new List<Mention>();
        var open = new List<(string Id, int Start, string Type, bool Identity)>();
        for (int i = 0; i < rows.Count; i++)
        {
            var entity = MiscValue(rows[i].Misc, "Entity");
            int p = 0;
            while (p < entity.Length)
            {
                if (entity[p] == '(')
                {
                    int q = p + 1;
                    while (q < entity.Length && entity[q] != '(' && entity[q] != ')') q++;
                    var parts = entity[(p + 1)..q].Split('-');
                    bool identity = parts.Length >= 8 && parts[7].Length > 0;
                    string type = parts.Length > 1 ? parts[1] : "";
                    if (q < entity.Length && entity[q] == ')') { mentions.Add(new Mention(i, i + 1, type, identity)); q++; }
                    else open.Add((parts[0], i, type, identity));
                    p = q;
                }
                else if (char.IsDigit(entity[p]))
                {
                    int q = p;
                    while (q < entity.Length && entity[q] != ')') q++;
                    var id = entity[p..q];
                    int k = open.FindLastIndex(o => o.Id == id);
                    if (k >= 0) { mentions.Add(new Mention(open[k].Start, i + 1, open[k].Type, open[k].Identity)); open.RemoveAt(k); }
                    p = q + 1;
                }
                else p++;
            }
        }

        var named = new List<(int Start, int End, EntityType Type)>();
        foreach (var m in mentions)
        {
            EntityType? type = m.Type switch { "person" => EntityType.Person, "organization" => EntityType.Org, "place" => EntityType.Place, _ => null };
            if (type is null) continue;
            // A mention runs on through appositions, lists and relative clauses ("the University of Malaysia, which
            // attempted …", "Douglass North, Ronald Coase, …"); the name is the part before the first such break.
            int s = m.Start, e = m.Start;
            while (e < m.End && !IsBreak(rows[e])) e++;
            // "localist camp's Cheng Chung-tai": the name follows the possessor.
            for (int k = e - 2; k > s; k--)
                if (rows[k].Upos == "PART" && rows[k].Form is "'s" or "’s") { s = k + 1; break; }
            while (s < e && rows[s].Upos == "DET") s++;
            while (e > s && rows[e - 1].Upos == "PART" && rows[e - 1].Form is "'s" or "'" or "’s" or "’") e--;
            if (e > s && IsNamed(rows, s, e, m.Identity)) named.Add((s, e, type.Value));
        }
        // Outermost only: a named mention inside another ("Aberdeen" in "Aberdeen Grammar School") is not a flat span.
        var flat = named
            .Where(a => !named.Any(b => b != a && b.Start <= a.Start && a.End <= b.End && (b.End - b.Start) > (a.End - a.Start)))
            .Distinct()
            .OrderBy(a => a.Start).ThenByDescending(a => a.End)
            .ToList();
        var kept = new List<(int Start, int End, EntityType Type)>();
        foreach (var f in flat)
            if (kept.Count == 0 || f.Start >= kept[^1].End) kept.Add(f);
        return NerSentences.Build(rows.ConvertAll(r => r.Form), NerSentences.Labels(rows.Count, kept));
    }

    private static bool IsBreak(Row r) =>
        r.Upos is "VERB" or "AUX" or "PRON" or "SCONJ" || (r.Upos == "CCONJ" && r.Form is "and" or "or")
        || (r.Upos == "PUNCT" && r.Form is "," or "(" or ")" or ";" or ":" or "–" or "—" or "[")
        // "Charles Ryder in Julian Jarrold's adaptation": a preposition other than the ones inside names ends the name.
        || (r.Upos == "ADP" && r.Form is not ("of" or "for" or "de" or "del" or "da" or "di" or "von" or "van" or "der" or "du" or "la" or "le"));

    /// <summary>Named when the head is a proper noun, or when the mention is linked to Wikipedia and mostly proper nouns
    /// ("NASA Administrator Charles Bolden"); "son of Johann Bernoulli" is linked but is a description.</summary>
    private static bool IsNamed(List<Row> rows, int start, int end, bool identity)
    {
        int head = -1, propn = 0;
        for (int i = start; i < end; i++)
        {
            if (rows[i].Upos == "PROPN") propn++;
            int h = rows[i].Head - 1;
            if (head < 0 && (h < start || h >= end)) head = i;
        }
        return (head >= 0 && rows[head].Upos == "PROPN") || (identity && propn * 2 > end - start);
    }

    private static string MiscValue(string misc, string key)
    {
        foreach (var part in misc.Split('|'))
            if (part.StartsWith(key, StringComparison.Ordinal) && part.Length > key.Length && part[key.Length] == '=')
                return part[(key.Length + 1)..];
        return "";
    }
}
