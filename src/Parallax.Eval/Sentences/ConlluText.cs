using System.Collections.Immutable;
using System.Text;
using Parallax.Model;

namespace Parallax.Eval.Sentences;

/// <summary>
/// A CoNLL-U document turned back into running text, with its gold tokens and sentence ends as offsets into it.
/// </summary>
/// <param name="Id">The document id (<c># newdoc id</c>, or the name it was read under).</param>
/// <param name="Genre">The genre (<c># meta::genre</c>, else the second part of a GUM-style id).</param>
/// <param name="Text">The rebuilt text.</param>
/// <param name="Tokens">Gold token spans in order (a multi-word token is one span: its surface form).</param>
/// <param name="SentenceEnds">The end offset of every gold sentence, in order (the last one is the text's end).</param>
/// <param name="Redacted">True when most forms are only underscores (GUM's reddit documents ship without their text).</param>
public sealed record GoldDocument(
    string Id, string Genre, string Text, ImmutableArray<TextSpan> Tokens, ImmutableArray<int> SentenceEnds, bool Redacted);

/// <summary>
/// Rebuilds a document's text from CoNLL-U. Within a sentence tokens are joined by one space unless the token (or
/// its multi-word range line) says <c>SpaceAfter=No</c>. Between sentences of one paragraph there is one space, and
/// between paragraphs (<c># newpar</c>) one "\n" — the way a news page flattened to plain text looks, and the way
/// Parallax's own readers hand text to the pipeline (one paragraph per line). This choice matters to the score: a
/// line break is a strong boundary cue, so paragraph-final sentences are easy, and the evaluation therefore also
/// reports the boundaries inside paragraphs on their own. A sentence-final <c>SpaceAfter=No</c> is ignored: the
/// sentences are always separated, because the gold sentence break is what is being tested.
/// </summary>
public static class ConlluText
{
    /// <summary>Reads every document in one CoNLL-U text (a file may hold several <c># newdoc</c>s).</summary>
    public static List<GoldDocument> Read(string conllu, string fallbackId)
    {
        var docs = new List<GoldDocument>();
        var builder = new DocBuilder(fallbackId);
        int skipUntil = 0; // last word id covered by the current multi-word range line
        foreach (var rawLine in conllu.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd('\r');
            if (line.IsEmpty) { builder.EndSentence(); skipUntil = 0; continue; }
            if (line[0] == '#')
            {
                if (IsComment(line, "# newdoc"))
                {
                    if (builder.HasContent) docs.Add(builder.Build());
                    builder = new DocBuilder(ValueAfter(line, "id") ?? fallbackId);
                }
                else if (IsComment(line, "# newpar")) builder.NewParagraph();
                else if (line.StartsWith("# meta::genre", StringComparison.Ordinal)) builder.Genre = ValueAfter(line, "meta::genre");
                continue;
            }
            // Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC.
            int tab1 = line.IndexOf('\t');
            if (tab1 <= 0) continue;
            var id = line[..tab1];
            var rest = line[(tab1 + 1)..];
            int tab2 = rest.IndexOf('\t');
            var form = tab2 < 0 ? rest : rest[..tab2];
            int lastTab = line.LastIndexOf('\t');
            var misc = lastTab > tab1 ? line[(lastTab + 1)..] : [];
            bool spaceAfter = !HasSpaceAfterNo(misc);

            if (id.Contains('.')) continue; // empty node: no surface form
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                // A multi-word token ("don't" = do + n't in some treebanks): the range line holds the surface form.
                _ = int.TryParse(id[(dash + 1)..], out skipUntil);
                builder.AddToken(form, spaceAfter);
                continue;
            }
            if (int.TryParse(id, out int word) && word <= skipUntil) continue; // a part of the range above
            builder.AddToken(form, spaceAfter);
        }
        builder.EndSentence();
        if (builder.HasContent) docs.Add(builder.Build());
        return docs;
    }

    private static bool IsComment(ReadOnlySpan<char> line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ' ' or '=');

    /// <summary>The value of "# key = value" (or "# newdoc id = value").</summary>
    private static string? ValueAfter(ReadOnlySpan<char> line, string key)
    {
        int k = line.IndexOf(key, StringComparison.Ordinal);
        if (k < 0) return null;
        var after = line[(k + key.Length)..];
        int eq = after.IndexOf('=');
        if (eq < 0) return null;
        var value = after[(eq + 1)..].Trim();
        return value.IsEmpty ? null : value.ToString();
    }

    private static bool HasSpaceAfterNo(ReadOnlySpan<char> misc)
    {
        foreach (var range in misc.Split('|'))
            if (misc[range].SequenceEqual("SpaceAfter=No")) return true;
        return false;
    }

    /// <summary>Accumulates one document's text, tokens and sentence ends.</summary>
    private sealed class DocBuilder(string id)
    {
        private readonly StringBuilder _text = new();
        private readonly ImmutableArray<TextSpan>.Builder _tokens = ImmutableArray.CreateBuilder<TextSpan>();
        private readonly ImmutableArray<int>.Builder _ends = ImmutableArray.CreateBuilder<int>();
        private bool _newParagraph, _inSentence, _spaceBefore;
        private int _underscores;

        public string? Genre { get; set; }
        public bool HasContent => _tokens.Count > 0;

        public void NewParagraph() => _newParagraph = true;

        public void AddToken(ReadOnlySpan<char> form, bool spaceAfter)
        {
            if (form.IsEmpty) return;
            if (!_inSentence)
            {
                if (_text.Length > 0) _text.Append(_newParagraph ? '\n' : ' ');
                _newParagraph = false;
                _inSentence = true;
            }
            else if (_spaceBefore) _text.Append(' ');
            int start = _text.Length;
            _text.Append(form);
            _tokens.Add(new TextSpan(start, _text.Length));
            if (!form.ContainsAnyExcept('_')) _underscores++;
            _spaceBefore = spaceAfter;
        }

        public void EndSentence()
        {
            if (!_inSentence) return;
            _ends.Add(_text.Length);
            _inSentence = false;
        }

        public GoldDocument Build()
        {
            EndSentence();
            string genre = Genre ?? GenreFromId(id);
            return new GoldDocument(id, genre, _text.ToString(), _tokens.ToImmutable(), _ends.ToImmutable(),
                Redacted: _underscores * 2 > _tokens.Count);
        }

        private static string GenreFromId(string id)
        {
            var parts = id.Split('_');
            return parts.Length >= 3 ? parts[1] : "unknown";
        }
    }
}
