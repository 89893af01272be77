using System.Collections.Immutable;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parallax.Eval.Coreference;

/// <summary>A token of an ECB+ document with its place in the rebuilt text.</summary>
/// <param name="Sentence">The sentence number the corpus gives (in ECB+ files sentence 0 is often the page address).</param>
/// <param name="Number">Position of the token in its sentence (0 = sentence-initial).</param>
public readonly record struct EcbToken(string Text, int Sentence, int Number, int Start, int End);

/// <summary>An annotated mention: its markable tag ("HUMAN_PART_PER", "LOC_GEO"), its tokens (indices into
/// <see cref="EcbPlusDocument.Tokens"/>, in order) and its gold cluster.</summary>
/// <param name="Cluster">The CROSS_DOC_COREF instance id; for a mention only in a within-document chain, an id for that
/// chain; for a mention in no chain, null (it is a singleton).</param>
public sealed record EcbMention(string Id, string Tag, ImmutableArray<int> Tokens, string? Cluster);

/// <summary>One ECB+ document (CROMER/CAT XML): tokens, the text rebuilt from them, and the annotated mentions.</summary>
public sealed record EcbPlusDocument(string Name, string Topic, string Text, ImmutableArray<EcbToken> Tokens, ImmutableArray<EcbMention> Mentions)
{
    /// <summary>Start offset of a mention in <see cref="Text"/>.</summary>
    public int StartOf(EcbMention m) => Tokens[m.Tokens[0]].Start;

    /// <summary>End offset (exclusive) of a mention in <see cref="Text"/>.</summary>
    public int EndOf(EcbMention m) => Tokens[m.Tokens[^1]].End;

    /// <summary>Reads one document. The text joins the tokens of a sentence with single spaces and sentences with a
    /// line break, so every token keeps exact offsets.</summary>
    /// <param name="name">The file name without extension ("36_10ecbplus").</param>
    /// <param name="topic">The topic folder ("36").</param>
    public static EcbPlusDocument Read(TextReader xml, string name, string topic)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var root = XDocument.Load(reader).Root ?? throw new InvalidDataException($"{name}: empty XML");

        var text = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<EcbToken>();
        var indexOfTokenId = new Dictionary<string, int>(StringComparer.Ordinal);
        int lastSentence = int.MinValue;
        foreach (var t in root.Elements("token"))
        {
            var word = t.Value;
            int sentence = (int?)t.Attribute("sentence") ?? 0, number = (int?)t.Attribute("number") ?? 0;
            if (word.Length == 0) word = "_"; // keeps every token a non-empty span
            if (tokens.Count > 0) text.Append(sentence != lastSentence ? '\n' : ' ');
            lastSentence = sentence;
            int start = text.Length;
            text.Append(word);
            indexOfTokenId[(string?)t.Attribute("t_id") ?? ""] = tokens.Count;
            tokens.Add(new EcbToken(word, sentence, number, start, text.Length));
        }

        // A mention's cluster: the cross-document instance it is a source of, else its within-document chain.
        var cluster = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Element("Relations") is { } relations)
        {
            foreach (var rel in relations.Elements("CROSS_DOC_COREF"))
                foreach (var s in rel.Elements("source"))
                    cluster[(string?)s.Attribute("m_id") ?? ""] = (string?)rel.Attribute("note") ?? $"{name}#r{(string?)rel.Attribute("r_id")}";
            foreach (var rel in relations.Elements("INTRA_DOC_COREF"))
                foreach (var s in rel.Elements("source"))
                    cluster.TryAdd((string?)s.Attribute("m_id") ?? "", $"{name}#r{(string?)rel.Attribute("r_id")}");
        }

        var mentions = ImmutableArray.CreateBuilder<EcbMention>();
        if (root.Element("Markables") is { } markables)
            foreach (var m in markables.Elements())
            {
                // Markables without token anchors are the instance descriptors coders named, not mentions in the text.
                var anchors = m.Elements("token_anchor")
                    .Select(a => indexOfTokenId.TryGetValue((string?)a.Attribute("t_id") ?? "", out var i) ? i : -1)
                    .Where(i => i >= 0).Order().ToImmutableArray();
                if (anchors.IsEmpty) continue;
                var id = (string?)m.Attribute("m_id") ?? "";
                mentions.Add(new EcbMention(id, m.Name.LocalName, anchors, cluster.GetValueOrDefault(id)));
            }
        return new EcbPlusDocument(name, topic, text.ToString(), tokens.ToImmutable(), mentions.ToImmutable());
    }
}
