using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Eval.Coreference;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>
/// Builds the model's <see cref="NerGazetteer"/> from training data only (never a dev or test split, never wikigold):
/// <list type="bullet">
/// <item>organisation names: ORG spans of the training examples, kept when the same words are labelled ORG more often
/// than any other type (re3d's "U.S." is ORG there but a place in the others), plus the company names written before a
/// designator ("Acme Corp.", "Northrop Grumman Corp.") in ECB+ train-topic news;</item>
/// <item>common first names: names of the first-name list that start a PERSON span (gold, or the teacher's labels on
/// ECB+ train topics). A listed name that starts none ("Northrop") gets its own feature instead of the first-name one.</item>
/// </list>
/// Each name remembers which document gave it; a name only one document gave is left out of that document's training
/// view (<see cref="NerGazetteer.For"/>), so the tagger learns what a list entry is worth for a text the list did not
/// come from.
/// </summary>
public sealed class NerGazetteerBuilder(EntityLexicon lexicon)
{
    /// <summary>Designators that follow a company's own name; the generic words of the lexicon's list ("Group",
    /// "Partners", "Company") often end other names and are left out here.</summary>
    private static readonly HashSet<string> CompanyDesignators = new(StringComparer.Ordinal)
    {
        "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Ltd.", "Ltd", "LLC", "L.L.C.", "PLC", "plc", "Plc", "GmbH", "AG", "N.V.", "S.A.",
    };

    /// <summary>Documents a first name must start PERSON names in to count as common. Report-level dev F1, mean of seeds
    /// 26 / 17 / 35: 1 document (941 common names) GUM 0.613, UNER EWT 0.653, WNUT17 0.495; 3 documents (244 names)
    /// 0.612 / 0.657 / 0.497. A document is a GUM text, an ECB+ text, or a whole BTC / WNUT17 file (they have no
    /// document marks), so 3 asks for use across texts.</summary>
    internal const int FirstNameDocuments = 3;

    private sealed class Stats
    {
        public int Org, Other;
        public readonly List<string> Documents = []; // up to Cap + 1 distinct documents that gave the name (enough to count past every threshold)
        private const int Cap = 8;

        public void Seen(string document)
        {
            if (Documents.Count <= Cap && !Documents.Contains(document)) Documents.Add(document);
        }
    }

    private readonly Dictionary<ulong, Stats> _names = [];
    private readonly Dictionary<ulong, Stats> _firstNames = [];

    /// <summary>The ORG (and other typed) spans and the PERSON first names of gold or teacher-labelled examples.</summary>
    public void AddExamples(IEnumerable<NerExample> examples, bool orgs = true)
    {
        foreach (var ex in examples)
            foreach (var (a, b, type) in NerLabels.Spans(ex.Labels))
            {
                if (type == EntityType.Person)
                {
                    var first = ex.Text.Substring(ex.Tokens[a].Start, ex.Tokens[a].Length);
                    if (lexicon.FirstNames.Contains(first)) Get(_firstNames, NerGazetteer.WordKey(first)).Seen(ex.Text);
                }
                if (!orgs) continue;
                var name = ex.Text[ex.Tokens[a].Start..ex.Tokens[b - 1].End];
                if (Key(name) is not { } key) continue;
                var stats = Get(_names, key);
                if (type == EntityType.Org) { stats.Org++; stats.Seen(ex.Text); }
                else stats.Other++;
            }
    }

    /// <summary>Company names before a designator in ECB+ train-topic news ("… said Lockheed Martin Corp. on …").</summary>
    public void AddEcbCompanies(string shared)
    {
        var corpus = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        foreach (var topic in corpus.Topics("train").Order())
        {
            if (EcbPlusCorpus.TestTopics.Contains(topic) || EcbPlusCorpus.DevTopics.Contains(topic)) continue;
            foreach (var d in corpus.ReadTopic(topic)) AddCompanies(EcbNewsText.Of(d));
        }
    }

    /// <summary>The capitalised runs of up to five words (on one line) right before a company designator in
    /// <paramref name="text"/>, as organisation names that text gave.</summary>
    public void AddCompanies(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        for (int i = 1; i < tokens.Count; i++)
        {
            if (!CompanyDesignators.Contains(text.Substring(tokens[i].Start, tokens[i].Length))) continue;
            int end = i;
            if (text[tokens[end - 1].Start] == ',') end--; // "Apple, Inc."
            int start = end;
            while (start > 0 && end - start < 5 && char.IsUpper(text[tokens[start - 1].Start])
                   && !text.AsSpan(tokens[start - 1].End, tokens[start].Start - tokens[start - 1].End).Contains('\n'))
                start--;
            if (start == end) continue;
            if (text.AsSpan(tokens[start].Start, tokens[start].Length) is "The") start++;
            if (start == end) continue;
            if (Key(text[tokens[start].Start..tokens[end - 1].End]) is { } key)
            {
                var stats = Get(_names, key);
                stats.Org++;
                stats.Seen(text);
            }
        }
    }

    /// <summary>The gazetteer of everything added so far, with a training view for every document that alone gave a
    /// name.</summary>
    public NerGazetteer Build()
    {
        var orgs = _names.Where(kv => kv.Value.Org > kv.Value.Other).ToList();
        var firsts = _firstNames.Where(kv => kv.Value.Documents.Count >= FirstNameDocuments).ToList();
        var leftOut = new Dictionary<string, (HashSet<ulong> Orgs, HashSet<ulong> FirstNames)>(StringComparer.Ordinal);
        // A name one document fewer would not list is left out of each of those documents' views.
        foreach (var (key, s) in orgs) if (s.Documents.Count == 1) View(s.Documents[0]).Orgs.Add(key);
        foreach (var (key, s) in firsts)
            if (s.Documents.Count == FirstNameDocuments) foreach (var d in s.Documents) View(d).FirstNames.Add(key);
        return new NerGazetteer(orgs.Select(kv => kv.Key), firsts.Select(kv => kv.Key)).WithViews(leftOut);

        (HashSet<ulong> Orgs, HashSet<ulong> FirstNames) View(string document)
        {
            if (!leftOut.TryGetValue(document, out var v)) leftOut[document] = v = ([], []);
            return v;
        }
    }

    /// <summary>The key of a name as the document index will meet it (tokenized by the pipeline's tokenizer), or null
    /// for what the index never looks up: no capital at either end, more than <see cref="NerGazetteer.MaxNameTokens"/>
    /// tokens, or a major place ("U.S.", "China").</summary>
    private ulong? Key(string name)
    {
        if (name.Length < 2 || !char.IsUpper(name[0]) || lexicon.MajorPlaces.Contains(name)) return null;
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count is 0 or > NerGazetteer.MaxNameTokens || !char.IsUpper(name[tokens[^1].Start])) return null;
        return NerGazetteer.NameKey(name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
    }

    private static Stats Get(Dictionary<ulong, Stats> map, ulong key)
    {
        if (!map.TryGetValue(key, out var s)) map[key] = s = new Stats();
        return s;
    }
}
