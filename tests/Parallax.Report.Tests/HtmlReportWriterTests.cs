using System.Text.RegularExpressions;
using Parallax.Model;

namespace Parallax.Report.Tests;

[Collection(nameof(TimingCollection))]
public sealed partial class HtmlReportWriterTests
{
    private static readonly string Page = HtmlReportWriter.ToHtml(Fixtures.Corpus());
    private static readonly string Hostile = HtmlReportWriter.ToHtml(Fixtures.Corpus(hostile: true));

    /// <summary>The HTML of the section with the given id, up to its closing tag (sections do not nest).</summary>
    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        int end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public void Is_one_html5_page_with_a_policy_that_forbids_script()
    {
        Assert.StartsWith("<!DOCTYPE html>", Page);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", Page);
        Assert.True(Page.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < Page.IndexOf("<title>", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", Page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", Page, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", Page);
    }

    [Fact]
    public void Sections_come_in_reading_order_with_disputed_facts_first()
    {
        string[] order = ["sources", "disputed-facts", "accounts", "agreed-facts", "single-facts", "quotes", "entities",
            "timeline", "citations", "removed", "skipped"];
        var positions = order.Select(id => Page.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(">Disputed facts <", Page);
    }

    [Fact]
    public void Every_disagreement_is_summed_up_before_the_sources()
    {
        int box = Page.IndexOf("<section class=\"disagreements\"", StringComparison.Ordinal);
        Assert.True(box >= 0 && box < Page.IndexOf("<section id=\"sources", StringComparison.Ordinal));
        var html = Page[box..Page.IndexOf("</section>", box, StringComparison.Ordinal)];
        Assert.Contains("Where the sources disagree", html);
        Assert.Contains("time before the window was smashed", html);
        Assert.Matches("about 25 min.*vs.*about 20 min|about 20 min.*vs.*about 25 min", html);
        // The speaker conflict: both named speakers, each with the sources that credit them.
        Assert.Contains("<b>Shawn Neudauer</b>", html);
        Assert.Contains("<b>Cheyenne Hoyt</b>", html);
        Assert.Contains("href=\"#quote-q1", html);
    }

    [Fact]
    public void Disagreement_box_encodes_names_from_input()
    {
        int box = Hostile.IndexOf("<section class=\"disagreements\"", StringComparison.Ordinal);
        var html = Hostile[box..Hostile.IndexOf("</section>", box, StringComparison.Ordinal)];
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Shawn Neudauer &lt;img", html);
    }

    [Fact]
    public void Disputed_fact_shows_every_source_side_by_side_with_the_differing_number_marked()
    {
        var disputed = Section(Page, "disputed-facts");
        Assert.Contains("time before the window was smashed", disputed);
        Assert.Contains("<p class=\"claim-text\">about 25 minutes</p>", disputed);
        Assert.Contains("<p class=\"claim-text\">about 20 minutes</p>", disputed);
        foreach (var outlet in new[] { "NBC News", "The Hill", "Kansas City Globe" }) Assert.Contains(outlet, disputed);
        // The claim is highlighted in its sentence and the number that differs is marked inside it.
        Assert.Contains("<strong class=\"hl\">about <mark>20</mark> minutes</strong>", disputed);
        // Value and bounds in a reader's units; attribution resolved from entity id to name.
        Assert.Contains("<span class=\"num\">about 25 min</span> <span class=\"bounds\">· range 22.5 – 27.5 min</span>", disputed);
        Assert.Contains("Attributed to <b>Shawn Neudauer</b> <span class=\"muted\">(ICE spokesman)</span>", disputed);
        Assert.Contains("<b>about 25 min</b> <span class=\"muted\">(NBC News, The Hill)</span></span> <span class=\"vs\">vs</span> "
            + "<span class=\"spread-item\"><b>about 20 min</b> <span class=\"muted\">(Kansas City Globe)</span>", disputed);
        // Marks are made against the closest other sentence, and the card says which one.
        Assert.Contains("Marked: words not in The Hill’s sentence", disputed);
        Assert.DoesNotContain("more than 30 minutes", disputed);
    }

    [Fact]
    public void Agreed_and_single_facts_have_their_own_sections_and_infinite_bounds_read_as_words()
    {
        var agreed = Section(Page, "agreed-facts");
        Assert.Contains("length of the video", agreed);
        // "more than 30 minutes" is 30 min to infinity: the qualifier says it, so no "range" with an infinite end.
        Assert.Contains("<span class=\"num\">more than 30 min</span></p>", agreed);
        Assert.DoesNotContain("<span class=\"vs\">", agreed);
        var single = Section(Page, "single-facts");
        Assert.Contains("views of the video", single);
        Assert.Contains("more than 42,000 view", single);
        Assert.Contains("Not attributed", single);
    }

    [Fact]
    public void Quotes_show_speaker_names_a_conflict_badge_and_wording_differences()
    {
        var quotes = Section(Page, "quotes");
        Assert.Contains("— <b>Shawn Neudauer</b>", quotes);
        Assert.Contains("<span class=\"badge conflict\">speaker conflict</span>", quotes);
        Assert.Contains("<td class=\"credited differs\"><b>Cheyenne Hoyt</b>", quotes);
        Assert.Contains("<ins>than make the arrest</ins>", quotes);
        Assert.Contains("<del>After attempting to negotiate with Millan-Vazquez for about 25 minutes, the</del> ICE officers", quotes);
        // The Hill differs only by a trailing comma: not a wording difference.
        Assert.Contains("<td class=\"wording\">After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice, <span", quotes);
        Assert.DoesNotContain(">e2<", quotes);
        // Each printing shows the sentence that credits it, with the source phrase as that outlet words it marked.
        Assert.Contains("according to <strong class=\"hl\">ICE spokesman Shawn Neudauer</strong>.</div>", quotes);
        Assert.Contains("no other choice,&quot; <strong class=\"hl\">Hoyt</strong> said.</div>", quotes);
    }

    [Fact]
    public void Entities_list_type_variants_and_mentions_per_source()
    {
        var entities = Section(Page, "entities");
        Assert.Contains("<b>Florencio Millan-Vazquez</b>", entities);
        Assert.Contains("organisation", entities);
        Assert.Contains("Millan-Vazquez</td>", entities); // the variant name
        Assert.Contains("<span class=\"times\">×3</span>", entities); // three mentions in The Hill
        // Most mentioned first.
        Assert.True(entities.IndexOf("Florencio", StringComparison.Ordinal) < entities.IndexOf("Cheyenne", StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_is_in_date_order_and_citations_say_who_credits_whom()
    {
        var timeline = Section(Page, "timeline");
        int month = timeline.IndexOf(">2019-07<", StringComparison.Ordinal);
        int day = timeline.IndexOf(">2019-07-22<", StringComparison.Ordinal);
        int minute = timeline.IndexOf(">2019-07-22T10:00<", StringComparison.Ordinal);
        Assert.True(month >= 0 && month < day && day < minute, $"{month} {day} {minute}");

        var citations = Section(Page, "citations");
        Assert.Contains("<b>NBC News</b>", citations);
        Assert.Contains("<strong class=\"hl\">NBC News reported</strong>", citations);
    }

    [Fact]
    public void Removed_boilerplate_is_collapsed_and_skipped_inputs_are_listed()
    {
        var removed = Section(Page, "removed");
        Assert.Contains("<details class=\"removed-doc\">", removed);
        Assert.Contains("Breaking News Emails", removed);
        Assert.Contains("nothing removed", removed); // d3
        var skipped = Section(Page, "skipped");
        Assert.Contains(">broken.warc<", skipped); // the file name; the folder stays in report.json
        Assert.DoesNotContain("/corpus/", skipped);
        Assert.Contains("not a WARC file: bad header", skipped);
    }

    [Fact]
    public void Markup_from_input_is_encoded_everywhere()
    {
        Assert.DoesNotContain("<script", Hostile, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", Hostile, StringComparison.OrdinalIgnoreCase);
        // No tag carries an event handler outside a quoted attribute value.
        Assert.DoesNotMatch("<[a-zA-Z][a-zA-Z0-9]*(\\s+[a-zA-Z-]+(=\"[^\"]*\")?)*\\s+on[a-z]+\\s*=", Hostile);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Hostile);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", Hostile);
        // The path goes into a title attribute: its quotes must not end the attribute.
        Assert.Contains("nbc&quot; onmouseover=&quot;alert(1).txt", Hostile);
        Assert.DoesNotContain("\" onmouseover=\"", Hostile, StringComparison.Ordinal);
        // Every input place: title, outlet, entity name, fact, removed text and reason, skipped reason, cited name.
        Assert.True(Regex.Count(Hostile, Regex.Escape("&lt;script&gt;alert(1)&lt;/script&gt;")) >= 8);
    }

    [Fact]
    public void Single_quotes_are_encoded_too()
    {
        var page = HtmlReportWriter.ToHtml(Fixtures.WithSpans("it's 'quoted'", [(0, 4)]) with
        {
            Skipped = [new Rejection("/x/it's.txt", "can't read")],
        });
        Assert.Contains("<strong class=\"hl\">it&#39;s</strong> &#39;quoted&#39;", page);
        Assert.Contains("it&#39;s.txt", page);
    }

    [Fact]
    public void Ids_stay_unique_when_a_report_has_several_stories()
    {
        var one = Fixtures.Corpus();
        var second = one.Stories[0] with { Id = "s2", Title = "Second story" };
        var page = HtmlReportWriter.ToHtml(one with { Stories = [one.Stories[0], second] });
        var ids = IdAttribute().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("disputed-facts", ids);
        Assert.Contains("disputed-facts-s2", ids);
        Assert.Contains("href=\"#story-s2\"", page);
    }

    [Fact]
    public void Empty_analysis_renders_a_page_that_says_so()
    {
        var page = HtmlReportWriter.ToHtml(new CorpusAnalysis([], [], []));
        Assert.Contains("0 documents", page);
        Assert.Contains("Every input was read.", page);
        Assert.EndsWith("</html>\n", page);
    }

    [Fact]
    public void A_story_without_facts_still_has_every_section()
    {
        var page = HtmlReportWriter.ToHtml(Fixtures.WithSpans("Nothing to compare here.", []));
        Assert.Contains("No disputed facts", Section(page, "disputed-facts"));
        Assert.Contains("<section id=\"agreed-facts\"", page);
        Assert.Contains("<section id=\"quotes\"", page);
    }

    [Fact]
    public void Invalid_spans_throw_and_write_nothing()
    {
        using var sw = new StringWriter();
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlReportWriter.Write(Fixtures.WithSpans("abc", [(1, 9)]), sw));
        Assert.Equal(0, sw.GetStringBuilder().Length);
    }

    [Fact]
    public void Citation_context_falls_back_to_the_sentence_around_the_span_without_a_sentence_layer()
    {
        const string text = "First sentence here. ICE told NBC News it acted lawfully. Third one.";
        int at = text.IndexOf("NBC News", StringComparison.Ordinal);
        var page = HtmlReportWriter.ToHtml(Fixtures.WithSpans(text, [(at, at + 8)]));
        Assert.Contains("<td class=\"sentence-cell\">ICE told <strong class=\"hl\">NBC News</strong> it acted lawfully.</td>", page);
    }

    [Fact]
    public void Rendering_time_grows_linearly_with_report_size()
    {
        // 2,000 facts of three claims each: a quadratic renderer would take minutes; this should take well under seconds.
        var baseCorpus = Fixtures.Corpus();
        var story = baseCorpus.Stories[0];
        CorpusAnalysis WithFacts(int n) => baseCorpus with
        {
            Stories = [story with { Facts = [.. Enumerable.Range(0, n).Select(i => story.Facts[0] with { Id = "f" + i })] }],
        };
        CorpusAnalysis small = WithFacts(200), big = WithFacts(2_000);
        var page = HtmlReportWriter.ToHtml(big);
        Assert.True(page.Length > 2_000 * 1_000);
        LinearTime.Assert(() => HtmlReportWriter.ToHtml(small), () => HtmlReportWriter.ToHtml(big));
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
