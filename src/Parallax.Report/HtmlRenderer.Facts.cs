using Parallax.Model;

namespace Parallax.Report;

/// <summary>Facts, accounts and quotes: the cross-source comparisons a reader came for.</summary>
internal sealed partial class HtmlRenderer
{
    private void WriteFactSection(StoryView v, FactStatus status)
    {
        var facts = v.Story.Facts.Where(f => f.Status == status && !Listed(v, f)).ToList();
        var (id, heading, intro, empty) = status switch
        {
            FactStatus.Disputed => ("disputed-facts", "Disputed facts",
                "Sources give different numbers for the same thing. Each card shows every source’s claim side by side: "
                + "<strong class=\"hl\">the claim</strong> in its sentence, and <mark>words that differ</mark> from the most similar other source’s sentence.",
                "No disputed facts: wherever sources report the same measure, their numbers agree."),
            FactStatus.Updated => ("updated-facts", "Updated counts",
                "A later report revises an earlier count: news developing, not a disagreement. The latest figure is the one the sources now agree on.",
                "No count was revised by a later report."),
            FactStatus.Agreed => ("agreed-facts", "Agreed facts",
                "Numbers that several sources report compatibly.",
                "No fact was reported by more than one source with the same number."),
            _ => ("single-facts", "Single-source facts",
                "Numbers only one source reports: nothing to check them against in this coverage.",
                "No single-source facts."),
        };
        SectionStart(v.Id(id), "facts " + id, heading, facts.Count);
        if (facts.Count == 0)
        {
            w.Write("<p class=\"empty\">");
            w.Write(empty);
            w.Write("</p>\n</section>\n");
            return;
        }
        w.Write("<p class=\"note\">");
        w.Write(intro);
        w.Write("</p>\n");
        if (status == FactStatus.Single) WriteSingleFacts(v, facts);
        else foreach (var f in facts) WriteFactCard(v, f);
        w.Write("</section>\n");
    }

    /// <summary>One line under the disagreements box for counts a later report revised: shown as news developing, never
    /// as a dispute.</summary>
    private void WriteUpdates(StoryView v)
    {
        var updated = v.Story.Facts.Where(f => f.Status == FactStatus.Updated && !Listed(v, f)).ToList();
        if (updated.Count == 0) return;
        w.Write("<div class=\"updates\"><b>Updated as the news developed:</b> ");
        for (int i = 0; i < updated.Count; i++)
        {
            if (i > 0) w.Write(" · ");
            w.Write("<a href=\"#");
            T(Html.Id("fact-", updated[i].Id) + v.Suffix);
            w.Write("\">");
            T(updated[i].About);
            w.Write("</a>");
            WriteSpread(updated[i], " <span class=\"sep\">→</span> ");
        }
        w.Write("</div>\n");
    }

    private void WriteFactCard(StoryView v, Fact f)
    {
        string status = Names.Of(f.Status);
        w.Write("<article class=\"fact ");
        w.Write(status);
        w.Write("\" id=\"");
        T(Html.Id("fact-", f.Id) + v.Suffix);
        w.Write("\">\n<header class=\"fact-head\"><h4>");
        T(f.About);
        w.Write("</h4> <span class=\"tag\">");
        w.Write(Names.Of(f.Kind));
        w.Write("</span> <span class=\"badge ");
        w.Write(status);
        w.Write("\">");
        w.Write(status);
        w.Write("</span> <span class=\"fact-id\">");
        T(f.Id);
        w.Write("</span></header>\n");
        WriteSpread(f, f.Status == FactStatus.Disputed ? " <span class=\"vs\">vs</span> " : " <span class=\"sep\">·</span> ");

        var sentences = new List<string>(f.Claims.Length);
        foreach (var c in f.Claims) sentences.Add(index.SliceString(c.Sentence));
        var (marks, partner) = DifferingWords(sentences);

        w.Write("<div class=\"claims\">\n");
        for (int i = 0; i < f.Claims.Length; i++)
        {
            var c = f.Claims[i];
            w.Write("<div class=\"claim ");
            w.Write(EdgeClass(v.Position(c.Span.Doc)));
            w.Write("\">\n<p class=\"claim-src\">");
            Source(v, c.Span.Doc);
            if (c.CopyOf is { } original)
            {
                // A copy repeats another source's sentence: shown, but not counted as independent agreement.
                w.Write(" <span class=\"tag copy\">copy of ");
                T(index.SourceLabel(original));
                w.Write("</span>");
            }
            w.Write("</p>\n<p class=\"claim-text\">");
            T(index.Slice(c.Span));
            w.Write("</p>\n<p class=\"claim-value\">");
            WriteValue(f.Kind, c);
            w.Write("</p>\n<p class=\"claim-attr\">");
            WriteAttribution(c);
            w.Write("</p>\n<blockquote class=\"sentence\">");
            WriteMarked(index.Doc(c.Sentence.Doc).Text, c.Sentence.Span, c.Span.Span, marks[i]);
            w.Write("</blockquote>\n");
            WriteComparedWith(partner[i] >= 0 ? f.Claims[partner[i]].Span.Doc : null, !marks[i].IsEmpty);
            w.Write("</div>\n");
        }
        w.Write("</div>\n");
        WriteEvidence("Compared because: ", f.Evidence);
        WriteParts(v, f);
        w.Write("</article>\n");
    }

    /// <summary>One line summing up the disagreement: each distinct value and who gives it.</summary>
    private void WriteSpread(Fact f, string separator)
    {
        var groups = new List<(string Value, List<string> Docs)>();
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(int, string)>();
        foreach (var c in f.Claims)
        {
            var value = Display.Qualified(f.Kind, c.Qualifier, c.Value, c.Unit);
            if (!byValue.TryGetValue(value, out int g))
            {
                g = groups.Count;
                byValue.Add(value, g);
                groups.Add((value, []));
            }
            if (seen.Add((g, c.Span.Doc))) groups[g].Docs.Add(c.Span.Doc);
        }
        w.Write("<p class=\"spread\">");
        for (int g = 0; g < groups.Count; g++)
        {
            if (g > 0) w.Write(separator);
            w.Write("<span class=\"spread-item\"><b>");
            T(groups[g].Value);
            w.Write("</b> <span class=\"muted\">(");
            WriteSpreadSources(groups, g);
            w.Write(")</span></span>");
        }
        w.Write("</p>\n");
    }

    private void WriteValue(QuantityKind kind, Claim c)
    {
        w.Write("<span class=\"num\">");
        T(Display.Qualified(kind, c.Qualifier, c.Value, c.Unit));
        w.Write("</span>");
        if (Display.Bounds(kind, c.Qualifier, c.Value, c.Lower, c.Upper, c.Unit) is { } bounds)
        {
            w.Write(" <span class=\"bounds\">· range ");
            T(bounds);
            w.Write("</span>");
        }
    }

    /// <summary>Names the sentence the marks were computed against, so a reader knows what "differs" means here.</summary>
    private void WriteComparedWith(string? partnerDoc, bool marked)
    {
        if (partnerDoc is null || !marked) return;
        w.Write("<p class=\"compared\">Marked: words not in ");
        T(index.SourceLabel(partnerDoc));
        w.Write("’s sentence</p>\n");
    }

    private void WriteAttribution(Claim c)
    {
        var name = index.EntityName(c.AttributedTo);
        if (name is null && c.AttributedLabel is null)
        {
            w.Write("<span class=\"muted\">Not attributed: the outlet’s own words</span>");
            return;
        }
        w.Write("Attributed to ");
        if (name is not null)
        {
            w.Write("<b>");
            T(name);
            w.Write("</b>");
            if (c.AttributedLabel is { } label && !string.Equals(label, name, StringComparison.Ordinal))
            {
                w.Write(" <span class=\"muted\">(");
                T(label);
                w.Write(")</span>");
            }
        }
        else
        {
            w.Write("<i>");
            T(c.AttributedLabel);
            w.Write("</i>");
        }
    }

    private void WriteSingleFacts(StoryView v, List<Fact> facts)
    {
        w.Write("<div class=\"table-wrap\"><table class=\"single-table\">\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Source</th><th scope=\"col\">Value</th><th scope=\"col\">Attribution</th><th scope=\"col\">Sentence</th></tr></thead>\n<tbody>\n");
        foreach (var f in facts)
        {
            WriteSingleRows(v, f, null);
            foreach (var part in PartsOf(v, f)) WriteSingleRows(v, part, Relation(part));
        }
        w.Write("</tbody></table></div>\n");
    }

    /// <summary>One row per claim of a fact (a single source may repeat its number); the anchor goes on the first. A part
    /// listed beside its fact is indented and says how it relates ("of which").</summary>
    private void WriteSingleRows(StoryView v, Fact f, string? relation)
    {
        for (int i = 0; i < f.Claims.Length; i++)
        {
            var c = f.Claims[i];
            w.Write(relation is null ? "<tr" : "<tr class=\"part-row\"");
            if (i == 0)
            {
                w.Write(" id=\"");
                T(Html.Id("fact-", f.Id) + v.Suffix);
                w.Write('"');
            }
            w.Write("><td>");
            if (relation is not null)
            {
                w.Write("<span class=\"part-rel\">");
                T(relation);
                w.Write("</span> ");
            }
            w.Write("<b>");
            T(f.About);
            w.Write("</b> <span class=\"tag\">");
            w.Write(Names.Of(f.Kind));
            w.Write("</span></td><td>");
            Source(v, c.Span.Doc);
            w.Write("</td><td class=\"nowrap\">");
            WriteValue(f.Kind, c);
            w.Write("</td><td>");
            WriteAttribution(c);
            w.Write("</td><td class=\"sentence-cell\">");
            WriteMarked(index.Doc(c.Sentence.Doc).Text, c.Sentence.Span, c.Span.Span, []);
            w.Write("</td></tr>\n");
        }
    }

    private void WriteAccounts(StoryView v)
    {
        var accounts = v.Story.Accounts;
        if (!SectionWithNote(v.Id("accounts"), "accounts", "Accounts", accounts.Length,
                "No moment of the event is told by more than one source in comparable sentences.",
                "The same moment as each source tells it; <mark>marked words</mark> differ from the closest other telling.")) return;
        var factIds = new HashSet<string>(v.Story.Facts.Select(f => f.Id), StringComparer.Ordinal);
        foreach (var a in accounts)
        {
            w.Write("<article class=\"account\" id=\"");
            T(Html.Id("account-", a.Id) + v.Suffix);
            w.Write("\">\n<header class=\"fact-head\"><h4>");
            T(a.About);
            w.Write("</h4> <span class=\"fact-id\">");
            T(a.Id);
            w.Write("</span>");
            if (!a.Facts.IsEmpty)
            {
                w.Write(" <span class=\"muted\">facts:</span>");
                foreach (var fid in a.Facts)
                {
                    w.Write(' ');
                    if (factIds.Contains(fid))
                    {
                        w.Write("<a href=\"#");
                        T(Html.Id("fact-", fid) + v.Suffix);
                        w.Write("\">");
                        T(fid);
                        w.Write("</a>");
                    }
                    else T(fid);
                }
            }
            w.Write("</header>\n");

            var sentences = new List<string>(a.Sentences.Length);
            foreach (var s in a.Sentences) sentences.Add(index.SliceString(s));
            var (marks, partner) = DifferingWords(sentences);
            w.Write("<table class=\"rows\"><tbody>\n");
            for (int i = 0; i < a.Sentences.Length; i++)
            {
                var s = a.Sentences[i];
                w.Write("<tr><th scope=\"row\">");
                Source(v, s.Doc);
                w.Write("</th><td>");
                WriteMarked(index.Doc(s.Doc).Text, s.Span, null, marks[i]);
                WriteComparedWith(partner[i] >= 0 ? a.Sentences[partner[i]].Doc : null, !marks[i].IsEmpty);
                w.Write("</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
            if (!a.Evidence.IsDefault) WriteEvidence("Side by side because: ", a.Evidence);
            w.Write("</article>\n");
        }
        w.Write("</section>\n");
    }

    /// <summary>Why things were put together, so a reader can judge the grouping.</summary>
    private void WriteEvidence(string lead, System.Collections.Immutable.ImmutableArray<string> evidence)
    {
        if (evidence.IsEmpty) return;
        w.Write("<p class=\"evidence\">");
        T(lead);
        for (int i = 0; i < evidence.Length; i++)
        {
            if (i > 0) w.Write("; ");
            T(evidence[i]);
        }
        w.Write("</p>\n");
    }

    /// <summary>The sentence that credits the statement, with the source phrase as this printing words it marked:
    /// the reader sees "ICE spokesman Shawn Neudauer said" rather than only the resolved name.</summary>
    private void WriteSourcePhrase(QuoteOccurrence o)
    {
        if (o.Source is not { } src || !index.TryDoc(src.Doc, out var doc)) return;
        int si = doc.SentenceAt(src.Start);
        var range = si >= 0 ? doc.Sentences[si].Span : src.Span;
        w.Write("<div class=\"source-phrase\">");
        WriteMarked(doc.Text, range, src.Span, []);
        w.Write("</div>");
    }

    private void WriteQuotes(StoryView v)
    {
        var quotes = v.Story.Quotes;
        SectionStart(v.Id("quotes"), "quotes", "Quotes", quotes.Length);
        if (quotes.IsEmpty)
        {
            w.Write("<p class=\"empty\">No quotations found.</p>\n</section>\n");
            return;
        }
        w.Write("<p class=\"note\">Each statement once, then how every source printed it and whom it credited. "
            + "Against the text above, <del>missing words</del> are struck through and <ins>added words</ins> underlined.</p>\n");
        // Direct quotes with a named speaker first; reported speech and unnamed speakers collapsed after them.
        var (featured, rest) = QuoteOrder(quotes);
        foreach (var q in featured.Concat(rest))
        {
            if (rest.Count > 0 && ReferenceEquals(q, rest[0])) OpenCollapsedQuotes(rest.Count, featured.Count);
            w.Write("<article class=\"quote");
            if (q.SpeakerConflict) w.Write(" conflict");
            w.Write("\" id=\"");
            T(Html.Id("quote-", q.Id) + v.Suffix);
            w.Write("\">\n<blockquote class=\"canonical\">");
            T(q.Text);
            w.Write("</blockquote>\n<p class=\"speaker\">");
            if (index.EntityName(q.Speaker) is { } speaker)
            {
                w.Write("— <b>");
                T(speaker);
                w.Write("</b>");
            }
            else w.Write("<span class=\"muted\">— speaker not named</span>");
            if (q.SpeakerConflict) w.Write(" <span class=\"badge conflict\">speaker conflict</span>");
            w.Write(" <span class=\"muted\">· ");
            w.Write(Count(q.Occurrences.Length, "printing", "printings"));
            w.Write("</span> <span class=\"fact-id\">");
            T(q.Id);
            w.Write("</span></p>\n");

            w.Write("<div class=\"table-wrap\"><table class=\"occurrences\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Credited to</th><th scope=\"col\">Wording</th></tr></thead>\n<tbody>\n");
            foreach (var o in q.Occurrences)
            {
                w.Write("<tr><td>");
                Source(v, o.Span.Doc);
                bool differs = q.Speaker is not null && o.Speaker is not null && !string.Equals(q.Speaker, o.Speaker, StringComparison.Ordinal);
                w.Write(differs ? "</td><td class=\"credited differs\">" : "</td><td class=\"credited\">");
                if (index.EntityName(o.Speaker) is { } name)
                {
                    w.Write("<b>");
                    T(name);
                    w.Write("</b>");
                    if (o.SpeakerLabel is { } label)
                    {
                        w.Write(" <span class=\"muted\">(");
                        T(label);
                        w.Write(")</span>");
                    }
                }
                else if (o.SpeakerLabel is { } label)
                {
                    w.Write("<i>");
                    T(label);
                    w.Write("</i>");
                }
                else w.Write("<span class=\"muted\">nobody</span>");
                if (o.Cue is { } cue)
                {
                    w.Write(" <span class=\"cue\">“");
                    T(index.Slice(cue));
                    w.Write("”</span>");
                }
                WriteSourcePhrase(o);
                w.Write("</td><td class=\"wording\">");
                WriteInlineDiff(q.Text, index.SliceString(o.Span));
                w.Write(" <span class=\"tag\">");
                w.Write(Names.Of(o.Kind));
                w.Write("</span></td></tr>\n");
            }
            w.Write("</tbody></table></div>\n</article>\n");
        }
        if (rest.Count > 0) w.Write("</details>\n");
        w.Write("</section>\n");
    }
}
