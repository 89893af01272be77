using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>
/// Writes the <c>report.json</c> contract (<see cref="Schema"/>): every document's cleaned text once, and every
/// annotation as <c>doc</c>/<c>start</c>/<c>end</c> in UTF-16 code units into it plus the covered <c>text</c>.
/// </summary>
/// <remarks>
/// Field names of the contract are fixed; extra fields (accounts, qualifiers, sentences, evidence, skipped inputs)
/// are additive. Infinite or NaN numbers are written as <c>null</c>. A lone surrogate in a document's text is written
/// as U+FFFD, one code unit for one, so offsets stay valid.
/// </remarks>
public static class ReportJsonWriter
{
    /// <summary>The contract identifier written as <c>"schema"</c>.</summary>
    public const string Schema = "parallax.report/1";

    // Flush to the stream after this many pending bytes so a large report is not held whole in memory.
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // A JSON file is not embedded in HTML, so readable quotes and accented letters beat \u escapes;
        // the HTML writer does its own encoding.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="output"/> (left open).</summary>
    /// <exception cref="ArgumentException">The analysis references an unknown document or holds an invalid span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside its document's text.</exception>
    public static void Write(CorpusAnalysis analysis, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var index = ReportIndex.Build(analysis);
        using var writer = new Utf8JsonWriter(output, Options);
        new Renderer(index, writer).Write();
        writer.Flush();
    }

    /// <summary>The report as a JSON string.</summary>
    /// <exception cref="ArgumentException">The analysis references an unknown document or holds an invalid span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside its document's text.</exception>
    public static string ToJson(CorpusAnalysis analysis)
    {
        using var buffer = new MemoryStream();
        Write(analysis, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed class Renderer(ReportIndex index, Utf8JsonWriter w)
    {
        public void Write()
        {
            var analysis = index.Analysis;
            w.WriteStartObject();
            w.WriteString("schema", Schema);

            w.WriteStartArray("documents");
            foreach (var doc in analysis.Documents)
            {
                WriteDocument(doc);
                FlushIfFull();
            }
            w.WriteEndArray();

            w.WriteStartArray("stories");
            foreach (var story in analysis.Stories)
            {
                WriteStory(story);
                FlushIfFull();
            }
            w.WriteEndArray();

            w.WriteStartArray("skipped");
            foreach (var r in analysis.Skipped)
            {
                w.WriteStartObject();
                w.WriteString("origin", r.Origin);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
        }

        private void FlushIfFull()
        {
            if (w.BytesPending > FlushThreshold) w.Flush();
        }

        private void WriteDocument(Document doc)
        {
            var meta = doc.Metadata;
            w.WriteStartObject();
            w.WriteString("id", doc.Id);
            w.WriteString("path", doc.Origin);
            WriteNullableString("outlet", meta.Outlet?.Value);
            WriteNullableString("title", meta.Title?.Value);
            WriteNullableString("published", meta.Published?.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            WriteNullableString("url", meta.Url);
            // Additive metadata, written only when the input had it.
            if (meta.Authors is { } authors)
            {
                w.WriteStartArray("authors");
                foreach (var a in authors.Value) w.WriteStringValue(a);
                w.WriteEndArray();
            }
            if (meta.Modified is { } mod) w.WriteString("modified", mod.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            if (meta.Language is { } lang) w.WriteString("language", lang.Value);
            if (meta.Retrieved is { } got) w.WriteString("retrieved", got.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("text", doc.Text);

            // Where each metadata value came from, so a reader can judge a title guessed from a file name.
            w.WriteStartObject("metadataSources");
            if (meta.Title is { } t) w.WriteString("title", Names.Of(t.Source));
            if (meta.Outlet is { } o) w.WriteString("outlet", Names.Of(o.Source));
            if (meta.Published is { } p) w.WriteString("published", Names.Of(p.Source));
            if (meta.Authors is { } au) w.WriteString("authors", Names.Of(au.Source));
            if (meta.Modified is { } mo) w.WriteString("modified", Names.Of(mo.Source));
            if (meta.Language is { } la) w.WriteString("language", Names.Of(la.Source));
            w.WriteEndObject();

            // Additive: only near-copies carry it, naming the earliest document of the same text.
            if (doc.CopyOf is { } copy)
            {
                w.WriteStartObject("copyOf");
                w.WriteString("doc", copy.Original);
                w.WriteNumber("similarity", Math.Round(copy.Similarity, 3));
                w.WriteEndObject();
            }

            w.WriteStartArray("removed");
            foreach (var r in doc.Removed)
            {
                w.WriteStartObject();
                w.WriteString("text", r.Text);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private void WriteStory(Story story)
        {
            w.WriteStartObject();
            w.WriteString("id", story.Id);
            w.WriteString("title", story.Title);
            w.WriteStartArray("documents");
            foreach (var id in story.Documents) w.WriteStringValue(id);
            w.WriteEndArray();

            w.WriteStartArray("entities");
            foreach (var e in story.Entities) WriteEntity(e);
            w.WriteEndArray();

            w.WriteStartArray("quotes");
            foreach (var q in story.Quotes) WriteQuote(q);
            w.WriteEndArray();

            w.WriteStartArray("facts");
            foreach (var f in story.Facts) WriteFact(f);
            w.WriteEndArray();

            w.WriteStartArray("accounts");
            foreach (var a in story.Accounts)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("about", a.About);
                w.WriteStartArray("sentences");
                foreach (var s in a.Sentences)
                {
                    w.WriteStartObject();
                    WriteSpanFields(s);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WriteStrings("facts", a.Facts);
                WriteStrings("evidence", a.Evidence.IsDefault ? [] : a.Evidence);
                WriteAccountDisputes(a);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("citations");
            foreach (var c in story.Citations)
            {
                w.WriteStartObject();
                WriteSpanFields(c.Span);
                w.WriteString("cites", c.Cites);
                w.WriteString("kind", Names.Of(c.Kind));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("timeline");
            foreach (var t in story.Timeline)
            {
                w.WriteStartObject();
                w.WriteString("date", t.Date);
                w.WriteString("precision", Names.Of(t.Precision));
                WriteSpanFields(t.Span);
                WriteNestedSpan("sentence", t.Sentence);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
        }

        private void WriteEntity(StoryEntity e)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("name", e.Name);
            w.WriteString("type", Names.Of(e.Type));
            WriteStrings("aliases", e.Aliases);
            w.WriteStartArray("mentions");
            foreach (var m in e.Mentions)
            {
                w.WriteStartObject();
                WriteSpanFields(m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private void WriteQuote(QuoteGroup q)
        {
            w.WriteStartObject();
            w.WriteString("id", q.Id);
            w.WriteString("text", q.Text);
            WriteNullableString("speaker", q.Speaker);
            w.WriteBoolean("speakerConflict", q.SpeakerConflict);
            w.WriteStartArray("occurrences");
            foreach (var o in q.Occurrences)
            {
                w.WriteStartObject();
                WriteSpanFields(o.Span);
                WriteNullableString("speaker", o.Speaker);
                WriteNullableString("speakerLabel", o.SpeakerLabel);
                w.WriteString("kind", Names.Of(o.Kind));
                if (o.Cue is { } cue) WriteNestedSpan("cue", cue);
                else w.WriteNull("cue");
                if (o.Source is { } source) WriteNestedSpan("source", source);
                else w.WriteNull("source");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteDifferences(q);
            w.WriteEndObject();
        }

        /// <summary>
        /// "differences": one entry per printing whose words differ from the group's "text" (punctuation, case and
        /// quote style aside), in occurrence order: the printing's span, the runs of the text it leaves out
        /// ("missing", strings) and its own runs the text lacks ("added", spans into the printing's document).
        /// </summary>
        private void WriteDifferences(QuoteGroup q)
        {
            w.WriteStartArray("differences");
            foreach (var o in q.Occurrences)
            {
                var printing = index.SliceString(o.Span);
                var diff = WordDiff.Compute(q.Text, printing);
                if (!diff.HasChanges) continue;
                // A printing cut shorter or running on at either end is a cut, not a change of wording: only runs
                // between the first and the last word of both sides count.
                var missing = Inner(diff.ChangedInA(), diff.TokensA, q.Text);
                var added = Inner(diff.ChangedInB(), diff.TokensB, printing);
                if (missing.Count == 0 && added.Count == 0) continue;
                w.WriteStartObject();
                WriteSpanFields(o.Span);
                w.WriteStartArray("missing");
                foreach (var m in missing) w.WriteStringValue(q.Text.AsSpan(m.Start, m.End - m.Start));
                w.WriteEndArray();
                w.WriteStartArray("added");
                foreach (var a in added)
                {
                    w.WriteStartObject();
                    WriteSpanFields(new DocSpan(o.Span.Doc, o.Span.Start + a.Start, o.Span.Start + a.End));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteFact(Fact f)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("about", f.About);
            w.WriteString("kind", Names.Of(f.Kind));
            w.WriteString("status", Names.Of(f.Status));
            w.WriteStartArray("claims");
            foreach (var c in f.Claims)
            {
                w.WriteStartObject();
                WriteSpanFields(c.Span);
                WriteNumber("value", c.Value);
                w.WriteString("unit", c.Unit);
                WriteNumber("lower", c.Lower);
                WriteNumber("upper", c.Upper);
                WriteNullableString("attributedTo", c.AttributedTo);
                WriteNullableString("attributedLabel", c.AttributedLabel);
                w.WriteString("qualifier", Names.Of(c.Qualifier));
                WriteNullableString("copyOf", c.CopyOf);
                WriteStrings("entities", c.Entities.IsDefault ? [] : c.Entities);
                WriteNestedSpan("sentence", c.Sentence);
                WriteNullableString("measure", c.Measure);
                WriteNullableString("holder", c.Holder);
                WriteNullableString("scope", c.Scope);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("independentSources", f.IndependentSources);
            WriteStrings("evidence", f.Evidence);
            // Added field: the fact this one is listed beside (a part, a wider total, an earlier event's figure), or null.
            WriteNullableString("partOf", f.PartOf);
            w.WriteEndObject();
        }

        /// <summary>The contract's span fields, with <c>text</c> taken from the document so it cannot disagree.</summary>
        private void WriteSpanFields(DocSpan span)
        {
            w.WriteString("doc", span.Doc);
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
            w.WriteString("text", index.Slice(span));
        }

        /// <summary>An account's disagreements in words (a field added after the contract's first version): each
        /// contrast ("ordered vs granted") with its words, their sentences and their side (0 or 1).</summary>
        private void WriteAccountDisputes(Account a)
        {
            w.WriteStartArray("disputes");
            foreach (var d in a.Disputes.IsDefault ? [] : a.Disputes)
            {
                w.WriteStartObject();
                w.WriteString("contrast", d.Contrast);
                w.WriteStartArray("words");
                foreach (var word in d.Words)
                {
                    w.WriteStartObject();
                    WriteSpanFields(word.Word);
                    w.WriteNumber("side", word.Side);
                    WriteNestedSpan("sentence", word.Sentence);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        /// <summary>A nested span (a claim's sentence, a quote's cue) as an object of the same span fields.</summary>
        private void WriteNestedSpan(string name, DocSpan span)
        {
            w.WriteStartObject(name);
            WriteSpanFields(span);
            w.WriteEndObject();
        }

        /// <summary>The changed runs that neither start at the text's first word nor end at its last.</summary>
        private static List<TextSpan> Inner(System.Collections.Immutable.ImmutableArray<TextSpan> runs, System.Collections.Immutable.ImmutableArray<TextSpan> tokens, string text)
        {
            int firstWord = -1, lastWord = -1;
            foreach (var t in tokens)
            {
                if (!WordDiff.IsWord(t.In(text))) continue;
                if (firstWord < 0) firstWord = t.Start;
                lastWord = t.End;
            }
            var inner = new List<TextSpan>(runs.Length);
            foreach (var r in runs)
                if (r.Start > firstWord && r.End < lastWord) inner.Add(r);
            return inner;
        }

        private void WriteNumber(string name, double value)
        {
            if (double.IsFinite(value)) w.WriteNumber(name, value);
            else w.WriteNull(name);
        }

        private void WriteNullableString(string name, string? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteString(name, value);
        }

        private void WriteStrings(string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
    }
}
