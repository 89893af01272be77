using System.Text.Json;
using Parallax.Analysis.Vectors;
using Parallax.Eval;
using Parallax.Eval.Coreference;
using Parallax.Eval.Ner;

namespace Parallax.Distill;

/// <summary>One vocabulary entry: the key looked up at run time, the text the teacher embeds, and its corpus count.</summary>
internal sealed record VocabularyEntry(string Key, string Text, long Count);

/// <summary>
/// Builds the vocabulary from train and dev texts under ../shared/data whose licences allow a shipped derived model
/// (ECB+, the NER training sets; never a test split, not PolNeAR, which is for evaluation only): every lower-cased word
/// with enough occurrences; a cased form where case carries meaning (it is written capitalised mid-sentence often and
/// its lower-case form is common too: "US"/"us", "May"/"may", "Apple"/"apple"), embedded as a name; the gazetteers'
/// names (cities, countries, demonyms, first names); the teacher's own whole-word vocabulary; then rarer corpus words
/// up to the size asked. Deterministic: counts, then ordinal key order.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, long> _forms = new(StringComparer.Ordinal);      // exact written forms
    private readonly Dictionary<string, long> _lower = new(StringComparer.Ordinal);      // lower-cased words
    private readonly Dictionary<string, long> _midCapital = new(StringComparer.Ordinal); // cased forms written mid-sentence

    public long Tokens { get; private set; }

    /// <summary>Counts the words of one text.</summary>
    public void Add(string text)
    {
        int pos = 0;
        while (WordVectors.NextWord(text, ref pos, out var start, out var length))
        {
            var form = text.Substring(start, length);
            Tokens++;
            Increment(_forms, form);
            var lower = form.ToLowerInvariant();
            Increment(_lower, lower);
            if (!ReferenceEquals(lower, form) && lower != form && MidSentence(text, start)) Increment(_midCapital, form);
        }
    }

    private static bool MidSentence(string text, int start)
    {
        for (int i = start - 1; i >= 0; i--)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) continue;
            return char.IsLetterOrDigit(c) || c is ',' or ';' or '-';
        }
        return false;
    }

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>Reads every train/dev text this tool learns from.</summary>
    public static Vocabulary FromSharedData(string shared, TextWriter log)
    {
        var vocabulary = new Vocabulary();
        var ecb = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        int docs = 0;
        foreach (var split in new[] { "train", "dev" })
            foreach (var topic in ecb.Topics(split))
                foreach (var doc in ecb.ReadTopic(topic)) { vocabulary.Add(doc.Text); docs++; }
        log.WriteLine($"  ECB+ train+dev: {docs} documents");
        var ner = NerDataSets.Training(shared);
        foreach (var example in ner) vocabulary.Add(example.Text);
        log.WriteLine($"  NER training sets (GUM train, BTC, WNUT17 train): {ner.Count} sentences");
        log.WriteLine($"  {vocabulary.Tokens:N0} word tokens, {vocabulary._lower.Count:N0} distinct lower-cased words");
        return vocabulary;
    }

    /// <summary>The entries in priority order, at most <paramref name="size"/>.</summary>
    public List<VocabularyEntry> Build(string shared, IEnumerable<string> teacherWords, int size, int minCount, TextWriter log)
    {
        var entries = new List<VocabularyEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Take(IEnumerable<VocabularyEntry> group, string what)
        {
            int before = entries.Count;
            foreach (var e in group)
            {
                if (entries.Count >= size) break;
                if (keys.Add(e.Key)) entries.Add(e);
            }
            log.WriteLine($"  {what}: {entries.Count - before:N0}");
        }
        static IEnumerable<VocabularyEntry> Ranked(IEnumerable<VocabularyEntry> e) =>
            e.OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal);

        Take(Ranked(_lower.Where(p => p.Value >= minCount && Keep(p.Key, p.Value)).Select(p => new VocabularyEntry(p.Key, p.Key, p.Value))),
            $"corpus words seen ≥ {minCount} times");
        Take(Ranked(CasedForms()), "cased forms where case carries meaning");
        Take(Ranked(GazetteerNames(shared).Select(n => new VocabularyEntry(n, n, _lower.GetValueOrDefault(n)))), "gazetteer names");
        Take(Ranked(teacherWords.Select(w => new VocabularyEntry(w, w, _lower.GetValueOrDefault(w)))), "teacher vocabulary words");
        Take(Ranked(_lower.Where(p => p.Value < minCount && p.Key.Length >= 3 && p.Key.All(char.IsLetter))
            .Select(p => new VocabularyEntry(p.Key, p.Key, p.Value))), "rarer corpus words");
        Take(PlaceVariants(shared).Select(n => new VocabularyEntry(n, n, 0)), "place-name spellings (GeoNames alternate names)");
        return entries;
    }

    /// <summary>A word worth an entry: not too long, and a bare number only when short and frequent (years, small counts).</summary>
    private static bool Keep(string word, long count)
    {
        if (word.Length > 30) return false;
        if (word.All(char.IsDigit)) return word.Length <= 4 && count >= 5;
        return true;
    }

    private IEnumerable<VocabularyEntry> CasedForms()
    {
        foreach (var (form, mid) in _midCapital)
        {
            if (mid < 3) continue;
            var lower = form.ToLowerInvariant();
            long lowerWritten = _forms.GetValueOrDefault(lower);
            if (lowerWritten < 3 || mid * 5 < lowerWritten) continue;
            yield return new VocabularyEntry(form, form + " (name)", mid);
        }
    }

    /// <summary>Lower-cased names from the gazetteers, one to three words each.</summary>
    private static IEnumerable<string> GazetteerNames(string shared)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            var n = name.Trim().ToLowerInvariant();
            if (n.Length < 2 || n.Length > 40 || n.Count(c => c == ' ') > 2 || !n.Any(char.IsLetter)) return;
            if (n.Any(c => c > '\u024F')) return; // Latin scripts only: the teacher's vocabulary is English
            names.Add(n);
        }
        var gazetteers = SharedData.Folder(shared, "gazetteers");
        foreach (var file in new[] { "male-first-names-en.txt", "female-first-names-en.txt" })
        {
            var path = Path.Combine(gazetteers, "first-names-stdlib", file);
            if (File.Exists(path)) foreach (var line in File.ReadLines(path)) Add(line);
        }
        var countries = Path.Combine(gazetteers, "countries-world-countries", "countries.json");
        if (File.Exists(countries))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(countries));
            foreach (var c in json.RootElement.EnumerateArray())
            {
                if (c.TryGetProperty("name", out var name))
                {
                    Add(name.TryGetProperty("common", out var common) ? common.GetString() : null);
                    Add(name.TryGetProperty("official", out var official) ? official.GetString() : null);
                }
                if (c.TryGetProperty("capital", out var capitals) && capitals.ValueKind == JsonValueKind.Array)
                    foreach (var cap in capitals.EnumerateArray()) Add(cap.GetString());
                if (c.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var eng))
                {
                    Add(eng.TryGetProperty("m", out var m) ? m.GetString() : null);
                    Add(eng.TryGetProperty("f", out var f) ? f.GetString() : null);
                }
            }
        }
        var cities = Path.Combine(gazetteers, "geonames", "cities15000.txt");
        if (File.Exists(cities))
            foreach (var line in File.ReadLines(cities))
            {
                var cols = line.Split('\t');
                if (cols.Length > 2) { Add(cols[1]); Add(cols[2]); }
            }
        return names;
    }

    /// <summary>GeoNames' alternate spellings of the cities, lower-cased, in plain ASCII letters, one to three words.</summary>
    private static IEnumerable<string> PlaceVariants(string shared)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var cities = Path.Combine(SharedData.Folder(shared, "gazetteers"), "geonames", "cities15000.txt");
        if (!File.Exists(cities)) return names;
        foreach (var line in File.ReadLines(cities))
        {
            var cols = line.Split('\t');
            if (cols.Length < 4) continue;
            foreach (var alt in cols[3].Split(','))
            {
                var n = alt.Trim().ToLowerInvariant();
                if (n.Length is >= 3 and <= 30 && n.Count(c => c == ' ') <= 2 && n.All(c => c is (>= 'a' and <= 'z') or ' ' or '-' or '\'')) names.Add(n);
            }
        }
        return names;
    }

    /// <summary>Whole words of the teacher's WordPiece vocabulary (no "##" pieces, no [special] tokens).</summary>
    public static IEnumerable<string> TeacherWords(TextReader vocab)
    {
        string? line;
        while ((line = vocab.ReadLine()) != null)
        {
            var w = line.Trim();
            if (w.Length >= 2 && w.All(c => c is >= 'a' and <= 'z')) yield return w;
        }
    }
}
