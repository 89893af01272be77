using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>Rendering text with overlays: the claim highlighted, differing words marked, inline diffs.</summary>
internal sealed partial class HtmlRenderer
{
    /// <summary>Below this share of shared words two sentences tell different things, and marking every word of
    /// them as "different" is noise. Set by eye on the seed stories: wire copies share 80–100 %, two outlets retelling
    /// one moment ("After about 25 minutes of recording…" / "After about 20 minutes, an ICE agent…") about 45 %,
    /// a quote against a paraphrase 30–40 %.</summary>
    private const double MinOverlapToMark = 0.4;

    /// <summary>How many other sentences each sentence is compared with when looking for its closest one: bounds the
    /// work per card to k × 12 diffs, each itself capped, so a fact with many sources stays linear.</summary>
    private const int MaxPartners = 12;

    /// <summary>
    /// For sentences shown side by side: for each, the spans (relative to the sentence) of words that differ from its
    /// most similar other sentence, and that sentence's index (-1 when none is similar enough to compare).
    /// </summary>
    private static (ImmutableArray<TextSpan>[] Marks, int[] Partner) DifferingWords(IReadOnlyList<string> sentences)
    {
        int n = sentences.Count;
        var marks = new ImmutableArray<TextSpan>[n];
        var partner = new int[n];
        var best = new double[n];
        for (int i = 0; i < n; i++)
        {
            marks[i] = [];
            partner[i] = -1;
        }
        // Candidates: the first MaxPartners sentences; every sentence is compared with each of them. Identical
        // sentences (two claims in one sentence, a verbatim copy) are a perfect match and leave nothing marked.
        int candidates = Math.Min(n, MaxPartners);
        for (int j = 0; j < candidates; j++)
        {
            for (int i = j + 1; i < n; i++)
            {
                var diff = WordDiff.Compute(sentences[j], sentences[i]);
                double overlap = diff.WordOverlap;
                if (overlap < MinOverlapToMark) continue;
                if (overlap > best[j])
                {
                    best[j] = overlap;
                    partner[j] = i;
                    marks[j] = diff.ChangedInA();
                }
                if (overlap > best[i])
                {
                    best[i] = overlap;
                    partner[i] = j;
                    marks[i] = diff.ChangedInB();
                }
            }
        }
        return (marks, partner);
    }

    /// <summary>
    /// Writes <paramref name="range"/> of <paramref name="text"/> with <paramref name="highlight"/> in
    /// <c>&lt;strong class="hl"&gt;</c> and each of <paramref name="marks"/> (relative to range start, sorted,
    /// disjoint) in <c>&lt;mark&gt;</c>. Tags are closed and reopened at every boundary so they always nest.
    /// </summary>
    private void WriteMarked(string text, TextSpan range, TextSpan? highlight, ImmutableArray<TextSpan> marks)
    {
        // Only the part of the highlight inside the range shows (a claim should lie inside its sentence, but the
        // page must not depend on it).
        TextSpan? hl = highlight is { } h && h.Overlaps(range)
            ? new TextSpan(Math.Max(h.Start, range.Start), Math.Min(h.End, range.End))
            : null;

        var cuts = new List<int>(4 + 2 * marks.Length) { range.Start, range.End };
        if (hl is { } x)
        {
            cuts.Add(x.Start);
            cuts.Add(x.End);
        }
        foreach (var m in marks)
        {
            cuts.Add(Math.Clamp(range.Start + m.Start, range.Start, range.End));
            cuts.Add(Math.Clamp(range.Start + m.End, range.Start, range.End));
        }
        cuts.Sort();

        bool openHl = false, openMark = false;
        int mi = 0;
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            int p = cuts[k], q = cuts[k + 1];
            if (p >= q) continue;
            bool inHl = hl is { } y && p >= y.Start && q <= y.End;
            while (mi < marks.Length && range.Start + marks[mi].End <= p) mi++;
            bool inMark = mi < marks.Length && range.Start + marks[mi].Start <= p && q <= range.Start + marks[mi].End;

            if (openMark && (!inMark || inHl != openHl))
            {
                w.Write("</mark>");
                openMark = false;
            }
            if (openHl && !inHl)
            {
                w.Write("</strong>");
                openHl = false;
            }
            if (!openHl && inHl)
            {
                w.Write("<strong class=\"hl\">");
                openHl = true;
            }
            if (!openMark && inMark)
            {
                w.Write("<mark>");
                openMark = true;
            }
            T(text.AsSpan(p, q - p));
        }
        if (openMark) w.Write("</mark>");
        if (openHl) w.Write("</strong>");
    }

    /// <summary>Writes <paramref name="b"/> as it reads against <paramref name="a"/>: words only in A struck through
    /// (<c>&lt;del&gt;</c>), words only in B underlined (<c>&lt;ins&gt;</c>). Punctuation-only differences are shown
    /// as B has them, unmarked; tokens past the diff cap are shown plain from B.</summary>
    private void WriteInlineDiff(string a, string b)
    {
        var diff = WordDiff.Compute(a, b);
        if (!diff.HasChanges)
        {
            T(b);
            return;
        }
        var pieces = new InlinePieces(w);
        var ops = diff.Ops;
        int i = 0;
        while (i < ops.Length)
        {
            var op = ops[i];
            // A run: consecutive ops of one kind and one alignment state, read as one piece of one side's text.
            int j = i + 1;
            while (j < ops.Length && ops[j].Kind == op.Kind && ops[j].Unaligned == op.Unaligned) j++;
            bool fromA = op.Kind == DiffKind.Deleted;
            var tokens = fromA ? diff.TokensA : diff.TokensB;
            var source = fromA ? diff.A : diff.B;
            int first = fromA ? op.A : op.B, last = fromA ? ops[j - 1].A : ops[j - 1].B;
            i = j;

            if (op.Kind == DiffKind.Same || op.Unaligned)
            {
                if (!fromA) pieces.Add(source, tokens[first].Start, tokens[last].End, null, fromA: false);
                continue; // A's leftovers past the cap are not shown
            }
            // Mark from the run's first word to its last; punctuation around it is B's, shown plain, or A's, dropped.
            int fw = first, lw = last;
            while (fw <= last && !WordDiff.IsWord(tokens[fw].In(source))) fw++;
            while (lw >= fw && !WordDiff.IsWord(tokens[lw].In(source))) lw--;
            if (fw > lw)
            {
                if (!fromA) pieces.Add(source, tokens[first].Start, tokens[last].End, null, fromA: false);
                continue;
            }
            if (!fromA && fw > first) pieces.Add(source, tokens[first].Start, tokens[fw - 1].End, null, fromA: false);
            pieces.Add(source, tokens[fw].Start, tokens[lw].End, fromA ? "del" : "ins", fromA);
            if (!fromA && lw < last) pieces.Add(source, tokens[lw + 1].Start, tokens[last].End, null, fromA: false);
        }
    }

    /// <summary>Writes the pieces of an inline diff with the spacing the source texts had between them.</summary>
    private sealed class InlinePieces(TextWriter w)
    {
        private bool _first = true, _prevFromA, _spaceAfterPrev;

        public void Add(string source, int start, int end, string? tag, bool fromA)
        {
            if (!_first)
            {
                bool space = start > 0 && char.IsWhiteSpace(source[start - 1]);
                // Switching sides: the other text's spacing after the previous piece counts too ("the</del> ICE").
                if (fromA != _prevFromA) space |= _spaceAfterPrev;
                if (space) w.Write(' ');
            }
            if (tag is not null) w.Write(tag == "del" ? "<del>" : "<ins>");
            Html.Encode(w, source.AsSpan(start, end - start));
            if (tag is not null) w.Write(tag == "del" ? "</del>" : "</ins>");
            _first = false;
            _prevFromA = fromA;
            _spaceAfterPrev = end < source.Length && char.IsWhiteSpace(source[end]);
        }
    }

    /// <summary>The sentence around a span, from the document's sentence layer when present, else the line or
    /// the nearest sentence ends within a bounded window (so a sentence-less document cannot print a whole article).</summary>
    private static TextSpan ContextOf(Document doc, TextSpan span)
    {
        if (!doc.Sentences.IsDefaultOrEmpty)
        {
            int first = doc.SentenceAt(span.Start);
            int last = span.End > span.Start ? doc.SentenceAt(span.End - 1) : first;
            if (first >= 0 && last >= 0) return doc.Sentences[first].Span.Cover(doc.Sentences[last].Span);
        }
        const int Window = 300;
        var text = doc.Text;
        int s = span.Start, floor = Math.Max(0, span.Start - Window);
        while (s > floor && !IsBreakBefore(text, s)) s--;
        int e = span.End, ceiling = Math.Min(text.Length, span.End + Window);
        while (e < ceiling && !IsBreakAt(text, e)) e++;
        if (e < text.Length && e < ceiling && text[e] is '.' or '!' or '?') e++;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        return new TextSpan(s, Math.Max(s, e));
    }

    private static bool IsBreakBefore(string text, int i) =>
        text[i - 1] == '\n' || (i >= 2 && char.IsWhiteSpace(text[i - 1]) && text[i - 2] is '.' or '!' or '?');

    private static bool IsBreakAt(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
}
