using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Model;

namespace Parallax.Report.Tests;

public sealed class ReportJsonWriterTests
{
    private static JsonElement Parse(CorpusAnalysis analysis)
    {
        using var doc = JsonDocument.Parse(ReportJsonWriter.ToJson(analysis));
        return doc.RootElement.Clone();
    }

    private static JsonElement Story(JsonElement root) => root.GetProperty("stories")[0];

    private static void Kind(JsonElement obj, string name, JsonValueKind kind) =>
        Assert.True(obj.TryGetProperty(name, out var p) && p.ValueKind == kind,
            $"'{name}' should be {kind} in {obj.GetRawText()[..Math.Min(200, obj.GetRawText().Length)]}");

    private static void SpanFields(JsonElement span)
    {
        Kind(span, "doc", JsonValueKind.String);
        Kind(span, "start", JsonValueKind.Number);
        Kind(span, "end", JsonValueKind.Number);
        Kind(span, "text", JsonValueKind.String);
    }

    [Fact]
    public void Top_level_has_schema_documents_stories_and_skipped()
    {
        var root = Parse(Fixtures.Corpus());
        Assert.Equal("parallax.report/1", root.GetProperty("schema").GetString());
        Assert.Equal(3, root.GetProperty("documents").GetArrayLength());
        Assert.Equal(1, root.GetProperty("stories").GetArrayLength());
        var skipped = root.GetProperty("skipped");
        Assert.Equal("/corpus/broken.warc", skipped[0].GetProperty("origin").GetString());
        Assert.Equal("not a WARC file: bad header", skipped[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Documents_carry_the_contract_fields()
    {
        var docs = Parse(Fixtures.Corpus()).GetProperty("documents");
        var d1 = docs[0];
        Assert.Equal("d1", d1.GetProperty("id").GetString());
        Assert.Equal("/corpus/nbc-ice-arrest.txt", d1.GetProperty("path").GetString());
        Assert.Equal("NBC News", d1.GetProperty("outlet").GetString());
        Assert.Equal("ICE agents smash car window", d1.GetProperty("title").GetString());
        Assert.Equal("2019-07-23", d1.GetProperty("published").GetString());
        Kind(d1, "text", JsonValueKind.String);
        var removed = d1.GetProperty("removed");
        Assert.Equal("Breaking News Emails", removed[0].GetProperty("text").GetString());
        Assert.Equal("navigation", removed[0].GetProperty("reason").GetString());
        Assert.Equal("markup", d1.GetProperty("metadataSources").GetProperty("title").GetString());

        Kind(docs[2], "published", JsonValueKind.Null);
        Assert.Equal("/corpus/kcglobe.html#3", docs[2].GetProperty("path").GetString());
    }

    [Fact]
    public void Story_entities_quotes_facts_citations_and_timeline_have_contract_names_and_types()
    {
        var story = Story(Parse(Fixtures.Corpus()));
        Assert.Equal("s1", story.GetProperty("id").GetString());
        Kind(story, "title", JsonValueKind.String);
        Assert.Equal(["d1", "d2", "d3"], story.GetProperty("documents").EnumerateArray().Select(e => e.GetString()!));

        var entity = story.GetProperty("entities")[0];
        Assert.Equal("e1", entity.GetProperty("id").GetString());
        Assert.Equal("Florencio Millan-Vazquez", entity.GetProperty("name").GetString());
        Assert.Equal("PERSON", entity.GetProperty("type").GetString());
        Assert.Equal("Millan-Vazquez", entity.GetProperty("aliases")[0].GetString());
        SpanFields(entity.GetProperty("mentions")[0]);
        Assert.Equal(["PERSON", "PERSON", "ORG", "PLACE", "PERSON", "ORG"],
            story.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("type").GetString()!));

        var quote = story.GetProperty("quotes")[0];
        Assert.Equal("q1", quote.GetProperty("id").GetString());
        Kind(quote, "text", JsonValueKind.String);
        Assert.Equal("e2", quote.GetProperty("speaker").GetString());
        Kind(quote, "speakerConflict", JsonValueKind.True);
        var occ = quote.GetProperty("occurrences");
        SpanFields(occ[0]);
        Assert.Equal("e2", occ[0].GetProperty("speaker").GetString());
        Assert.Equal("e5", occ[2].GetProperty("speaker").GetString());
        Assert.Equal("ICE spokesman", occ[0].GetProperty("speakerLabel").GetString());
        Assert.Equal("according to", occ[0].GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal("ICE spokesman Shawn Neudauer", occ[0].GetProperty("source").GetProperty("text").GetString());
        // The printings differ only by cuts at either end: no wording differences.
        Kind(quote, "differences", JsonValueKind.Array);
        Assert.Equal(0, quote.GetProperty("differences").GetArrayLength());

        var fact = story.GetProperty("facts")[0];
        Assert.Equal("f1", fact.GetProperty("id").GetString());
        Assert.Equal("time before the window was smashed", fact.GetProperty("about").GetString());
        Assert.Equal("duration", fact.GetProperty("kind").GetString());
        Assert.Equal("disputed", fact.GetProperty("status").GetString());
        var claim = fact.GetProperty("claims")[0];
        SpanFields(claim);
        Assert.Equal("about 25 minutes", claim.GetProperty("text").GetString());
        Assert.Equal(1500, claim.GetProperty("value").GetDouble());
        Assert.Equal("s", claim.GetProperty("unit").GetString());
        Assert.Equal(1350, claim.GetProperty("lower").GetDouble());
        Assert.Equal(1650, claim.GetProperty("upper").GetDouble());
        Assert.Equal("e2", claim.GetProperty("attributedTo").GetString());
        Assert.Equal("approximate", claim.GetProperty("qualifier").GetString());
        Kind(fact.GetProperty("claims")[1], "attributedTo", JsonValueKind.Null);
        Assert.StartsWith("\"After attempting", claim.GetProperty("sentence").GetProperty("text").GetString());
        Assert.Equal(["agreed", "single"], story.GetProperty("facts").EnumerateArray().Skip(1).Select(f => f.GetProperty("status").GetString()!));
        Assert.Equal("count", story.GetProperty("facts")[2].GetProperty("kind").GetString());

        var citation = story.GetProperty("citations")[1];
        SpanFields(citation);
        Assert.Equal("NBC News", citation.GetProperty("cites").GetString());

        var entry = story.GetProperty("timeline")[0];
        SpanFields(entry);
        Assert.Equal("2019-07-22", entry.GetProperty("date").GetString());

        var account = story.GetProperty("accounts")[0];
        Assert.Equal("a1", account.GetProperty("id").GetString());
        SpanFields(account.GetProperty("sentences")[0]);
        Assert.Equal("f1", account.GetProperty("facts")[0].GetString());
    }

    [Fact]
    public void Infinite_bounds_are_null_and_finite_numbers_stay_numbers()
    {
        var facts = Story(Parse(Fixtures.Corpus())).GetProperty("facts");
        var moreThan30 = facts[1].GetProperty("claims")[0];
        Assert.Equal("more than 30 minutes", moreThan30.GetProperty("text").GetString());
        Assert.Equal(1800, moreThan30.GetProperty("lower").GetDouble());
        Kind(moreThan30, "upper", JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Number, moreThan30.GetProperty("value").ValueKind);
    }

    [Fact]
    public void Every_span_text_equals_the_substring_of_its_document()
    {
        var root = Parse(Fixtures.Corpus());
        var texts = root.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        int checkedSpans = 0;
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("doc", out var doc) && e.TryGetProperty("start", out var s) && e.TryGetProperty("end", out var en))
                {
                    var text = texts[doc.GetString()!];
                    Assert.Equal(text[s.GetInt32()..en.GetInt32()], e.GetProperty("text").GetString());
                    checkedSpans++;
                }
                foreach (var p in e.EnumerateObject()) Walk(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Walk(item);
            }
        }
        Walk(root.GetProperty("stories"));
        Assert.True(checkedSpans > 40, $"only {checkedSpans} spans checked");
    }

    [Fact]
    public void Quote_differences_list_each_printings_changed_words_as_spans()
    {
        var corpus = Fixtures.Corpus();
        var story = corpus.Stories[0];
        // The canonical text says "20 minutes" where two printings say "25 minutes": a change inside the statement.
        var q = story.Quotes[0] with
        {
            Text = "After attempting to negotiate with Millan-Vazquez for about 20 minutes, the ICE officers were left with no other choice",
        };
        var root = Parse(corpus with { Stories = [story with { Quotes = [q] }] });
        var differences = Story(root).GetProperty("quotes")[0].GetProperty("differences");
        Assert.Equal(["d1", "d2"], differences.EnumerateArray().Select(d => d.GetProperty("doc").GetString()!));
        var text = root.GetProperty("documents")[0].GetProperty("text").GetString()!;
        var first = differences[0];
        SpanFields(first);
        Assert.Equal(["20"], first.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!));
        var added = Assert.Single(first.GetProperty("added").EnumerateArray());
        SpanFields(added);
        Assert.Equal("25", added.GetProperty("text").GetString());
        int start = added.GetProperty("start").GetInt32(), end = added.GetProperty("end").GetInt32();
        Assert.Equal("25", text[start..end]);
    }

    [Fact]
    public void Output_is_indented_camel_case_and_keeps_quotes_readable()
    {
        var json = ReportJsonWriter.ToJson(Fixtures.Corpus());
        Assert.StartsWith("{\n  \"schema\": \"parallax.report/1\"", json.ReplaceLineEndings("\n"));
        Assert.Contains("\"speakerConflict\": true", json);
        Assert.Contains("\\\"After attempting", json); // a JSON escape, not \u0022
        Assert.Contains("©", json);
    }

    [Fact]
    public void Write_leaves_the_stream_open()
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(Fixtures.Corpus(), stream);
        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 1000);
    }

    [Fact]
    public void Span_outside_the_text_throws_before_writing_anything()
    {
        using var stream = new MemoryStream();
        var bad = Fixtures.WithSpans("short text", [(0, 5), (6, 11)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportJsonWriter.Write(bad, stream));
        Assert.Equal(0, stream.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportJsonWriter.ToJson(Fixtures.WithSpans("abc", [(2, 1)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportJsonWriter.ToJson(Fixtures.WithSpans("abc", [(-1, 1)])));
    }

    [Fact]
    public void Span_in_an_unknown_document_throws()
    {
        var good = Fixtures.WithSpans("some text", [(0, 4)]);
        var story = good.Stories[0] with { Citations = [new StoryCitation(new DocSpan("d9", 0, 1), "x", CitationKind.Person)] };
        Assert.Throws<ArgumentException>(() => ReportJsonWriter.ToJson(good with { Stories = [story] }));
    }

    [Fact]
    public void Span_splitting_a_surrogate_pair_throws()
    {
        // "a😀b": the emoji is two UTF-16 units at [1,3); a span ending at 2 would cut it in half.
        Assert.Throws<ArgumentException>(() => ReportJsonWriter.ToJson(Fixtures.WithSpans("a\U0001F600b", [(0, 2)])));
        var ok = Parse(Fixtures.WithSpans("a\U0001F600b", [(1, 3)]));
        Assert.Equal("\U0001F600", Story(ok).GetProperty("citations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Empty_analysis_is_a_valid_report()
    {
        var root = Parse(new CorpusAnalysis([], [], []));
        Assert.Equal(0, root.GetProperty("documents").GetArrayLength());
        Assert.Equal(0, root.GetProperty("stories").GetArrayLength());
    }

    /// <summary>Random texts (any UTF-16, lone surrogates included) and random spans that do not cut a surrogate pair:
    /// the JSON's span text is the substring of the JSON's document text at the same offsets.</summary>
    [Property(MaxTest = 300)]
    public Property Random_spans_round_trip()
    {
        // FsCheck's strings, plus strings built from characters that are hard for JSON: surrogate halves, whole
        // astral characters, quotes, markup, controls and non-ASCII letters.
        var tricky = Gen.ArrayOf(Gen.Elements(
                '\uD83D', '\uDE00', '\uD800', '"', '\'', '<', '>', '&', '\\', '\n', '\t', '\0', '\u001F', 'é', '’', 'a', ' '))
            .Select(chars => new string(chars));
        var texts = Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Where(t => t is not null), tricky);
        var gen =
            from text in texts
            from raw in Gen.ListOf(Gen.Two(Gen.Choose(0, text.Length)))
            select (Text: text, Spans: raw.Select(p => Snap(text, Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))).ToList());

        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var root = Parse(Fixtures.WithSpans(input.Text, input.Spans));
            var docText = root.GetProperty("documents")[0].GetProperty("text").GetString()!;
            if (docText.Length != input.Text.Length) return false; // lone surrogates become U+FFFD one for one
            var written = Story(root).GetProperty("citations").EnumerateArray().ToList();
            if (written.Count != input.Spans.Count) return false;
            for (int i = 0; i < written.Count; i++)
            {
                int start = written[i].GetProperty("start").GetInt32(), end = written[i].GetProperty("end").GetInt32();
                if (start != input.Spans[i].Start || end != input.Spans[i].End) return false;
                if (written[i].GetProperty("text").GetString() != docText[start..end]) return false;
            }
            return true;
        });
    }

    /// <summary>Moves an offset off the middle of a surrogate pair (the writer rejects such spans by design).</summary>
    private static (int Start, int End) Snap(string text, int start, int end)
    {
        static int Fix(string t, int o) =>
            o > 0 && o < t.Length && char.IsHighSurrogate(t[o - 1]) && char.IsLowSurrogate(t[o]) ? o - 1 : o;
        return (Fix(text, start), Math.Max(Fix(text, start), Fix(text, end)));
    }
}
