using Parallax.Analysis.Entities;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Text;
using Parallax.Eval.Coreference;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>
/// Self-training on unlabelled news: a teacher model trained on the gold corpora tags news texts, and the sentences whose
/// labels the document agrees with become extra training examples. Two sources: "ecb" (<see cref="EcbExamples"/>, ECB+
/// train topics, CC-BY 3.0, so a model trained on them may ship) and "self" (<see cref="Examples"/>, PolNeAR's
/// train texts, research use only, never in a shipped model). Agreement is what stands in for confidence: every name the
/// teacher tags has one type wherever the document tags it, no capitalised word the teacher leaves untagged
/// mid-sentence is tagged elsewhere in the document, and the sentence has at least one name. Deterministic: same gold,
/// same texts, same options give the same examples. Measured for PolNeAR on GUM / UNER EWT dev (tagger alone): 0.671 /
/// 0.638 without, 0.684 / 0.641 with; a second round (the student as teacher) 0.676 / 0.638; only names the document
/// writes twice 0.675 / 0.630.
/// </summary>
public static class NerSelfTraining
{
    /// <summary>Sentences longer than this (lists, tables) are not taken.</summary>
    private const int MaxTokens = 60;

    /// <summary>PolNeAR train texts (US election news, 2015-16; its dev and test months are never read).</summary>
    public static List<NerExample> Examples(string shared, NerModel teacher, EntityLexicon lexicon)
    {
        var dir = SharedData.Folder(shared, "quotes", "polnear", "train", "text");
        var tagger = new NerTagger(teacher, lexicon);
        var tokenizer = new TokenizerStage();
        var splitter = new SentenceStage();
        var examples = new List<NerExample>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            if (text.Length == 0) continue;
            var doc = splitter.Run(tokenizer.Run(new Document { Id = Path.GetFileName(path), Origin = path, Text = text }, default), default);
            var tokens = doc.Tokens.ToArray();
            var sentences = doc.Sentences.Where(s => s.TokenCount > 0).Select(s => tokens.AsSpan(s.FirstToken, s.TokenCount).ToArray()).ToList();
            TakeAgreed(text, sentences, tagger, examples);
        }
        return examples;
    }

    /// <summary>
    /// ECB+ news (../shared/data/events/ecbplus, CC-BY 3.0): the documents of the train topics of the standard split only
    /// (the dev topics are story clustering's dev set: a model that had read them, teacher's errors and all, tagged
    /// "Maurice Cheeks" of dev topic 5 as an organisation everywhere; the test topics 36-45 are never read), as print-spaced text (<see cref="EcbNewsText"/>), one sentence a line, read by
    /// our tokenizer. Besides the document's agreement, the teacher's names in a sentence must be exactly the PERSON /
    /// ORG / PLACE mentions the entity stage (rules with the teacher) finds there, which also drops headlines.
    /// </summary>
    public static List<NerExample> EcbExamples(string shared, NerModel teacher, EntityLexicon lexicon)
    {
        var corpus = EcbPlusCorpus.Open(SharedData.Folder(shared, "events", "ecbplus"));
        var tagger = new NerTagger(teacher, lexicon);
        var rules = new EntityRecognizer(lexicon, tagger);
        var examples = new List<NerExample>();
        foreach (var topic in corpus.Topics("train").Order())
        {
            if (EcbPlusCorpus.TestTopics.Contains(topic)) continue;
            foreach (var d in corpus.ReadTopic(topic))
            {
                var text = EcbNewsText.Of(d);
                var lines = Lines(text);
                if (lines.Count == 0) continue;
                TakeAgreed(text, lines, tagger, examples, RuleMentions(d.Name, text, lines, rules));
            }
        }
        return examples;
    }

    /// <summary>What the entity stage (rules with the teacher) finds in the whole document.</summary>
    private static List<EntityMention> RuleMentions(string name, string text, List<Token[]> lines, EntityRecognizer rules)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        foreach (var line in lines)
        {
            sentences.Add(new Sentence(line[0].Start, line[^1].End, tokens.Count, line.Length));
            tokens.AddRange(line);
        }
        var doc = new Document
        {
            Id = name, Origin = name, Text = text, Tokens = [.. tokens], Sentences = [.. sentences],
            Layers = Layers.Tokens | Layers.Sentences,
        };
        return rules.Recognize(doc);
    }

    /// <summary>The tokens of each line of <paramref name="text"/>.</summary>
    internal static List<Token[]> Lines(string text)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var lines = new List<Token[]>();
        int i = 0;
        while (i < tokens.Length)
        {
            int lineEnd = text.IndexOf('\n', tokens[i].Start);
            if (lineEnd < 0) lineEnd = text.Length;
            int j = i;
            while (j < tokens.Length && tokens[j].Start < lineEnd) j++;
            lines.Add(tokens[i..j]);
            i = j;
        }
        return lines;
    }

    /// <summary>Tags every sentence of one document and adds those the document agrees with (see the class summary).</summary>
    private static void TakeAgreed(string text, List<Token[]> sentences, NerTagger tagger, List<NerExample> into,
        List<EntityMention>? rules = null)
    {
        var tagged = new List<(Token[] Tokens, byte[] Labels)>(sentences.Count);
        foreach (var st in sentences)
        {
            if (st.Length == 0) continue;
            var labels = new byte[st.Length];
            tagger.Tag(text, st, labels);
            tagged.Add((st, labels));
        }
        // What the document says of each name and each tagged word.
        var types = new Dictionary<string, HashSet<EntityType>>(StringComparer.Ordinal);
        var taggedWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (st, labels) in tagged)
            foreach (var (a, b, type) in NerLabels.Spans(labels))
            {
                var name = text[st[a].Start..st[b - 1].End];
                if (!types.TryGetValue(name, out var set)) types[name] = set = [];
                set.Add(type);
                for (int i = a; i < b; i++) taggedWords.Add(text.Substring(st[i].Start, st[i].Length));
            }
        foreach (var (st, labels) in tagged)
        {
            if (st.Length > MaxTokens) continue;
            var spans = NerLabels.Spans(labels);
            if (spans.Count == 0) continue; // taking name-less sentences too cost 0.019 / 0.006 F1 on GUM / UNER EWT dev
            bool agreed = spans.All(sp => types[text[st[sp.Start].Start..st[sp.End - 1].End]].Count == 1);
            for (int i = 1; agreed && i < st.Length; i++)
                if (labels[i] == NerLabels.O && char.IsUpper(text[st[i].Start]) && taggedWords.Contains(text.Substring(st[i].Start, st[i].Length)))
                    agreed = false;
            if (agreed && rules is not null) agreed = RulesAgree(text, st, spans, rules);
            if (agreed) into.Add(new NerExample(text, st, labels));
        }
    }

    /// <summary>Whether the rules' PERSON/ORG/PLACE mentions inside the sentence are exactly the teacher's spans, and no
    /// mention the rules type Other overlaps one.</summary>
    private static bool RulesAgree(string text, Token[] st, List<(int Start, int End, EntityType Type)> spans, List<EntityMention> rules)
    {
        int from = st[0].Start, to = st[^1].End;
        var tagged = spans.Select(sp => (st[sp.Start].Start, st[sp.End - 1].End, sp.Type)).ToHashSet();
        int named = 0;
        foreach (var m in rules)
        {
            if (m.End <= from || m.Start >= to) continue;
            if (m.Type == EntityType.Other)
            {
                if (tagged.Any(t => t.Item1 < m.End && m.Start < t.Item2)) return false;
                continue;
            }
            if (!tagged.Contains((m.Start, m.End, m.Type))) return false;
            named++;
        }
        return named == tagged.Count;
    }
}
