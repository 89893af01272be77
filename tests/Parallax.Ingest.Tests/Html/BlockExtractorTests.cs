using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest.Html;

namespace Parallax.Ingest.Tests.Html;

[Collection(nameof(TimingCollection))]
public sealed class BlockExtractorTests
{
    private const string P1 = "The council closed the Main Street bridge on Tuesday after engineers found cracks in two of its piers, officials said.";
    private const string P2 = "Repairs are expected to take at least four months, and the city has set up a detour through the industrial park.";
    private const string P3 = "Residents who live on the east bank said the detour adds about twenty minutes to their trip to the town centre.";

    private static string Page(string body) => $"<html><head><title>t</title></head><body>{body}</body></html>";

    [Fact]
    public void Article_paragraphs_are_kept_with_paragraph_breaks_and_furniture_dropped()
    {
        var html = Page($"""
            <nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/news">News</a></li></ul></nav>
            <article><h1>Bridge closed for four months</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
            <div class="comments"><p>This is the worst decision the council has made in years and I will vote against all of them at the next election.</p></div>
            <div class="related"><a href="/a">Another story about the bridge and what the council said</a></div>
            <footer>Copyright 2024 The Herald. All rights reserved.</footer>
            """);
        var text = BlockExtractor.Extract(html);
        Assert.Equal($"Bridge closed for four months\n\n{P1}\n\n{P2}\n\n{P3}", text);
    }

    [Fact]
    public void Comment_and_navigation_boxes_classify_bad_and_article_paragraphs_good()
    {
        var html = Page($"""
            <div id="sidebar"><p>{P3}</p></div>
            <div class="entry-content"><p>{P1}</p><p>{P2}</p></div>
            <ul class="menu"><li><a href="/a">Politics and the council</a></li><li><a href="/b">Sport and the weekend</a></li></ul>
            <section id="comments-area"><p>{P3} I agree with this.</p></section>
            """);
        var page = BlockExtractor.Segment(html);
        var kinds = BlockExtractor.Classify(page);
        string KindOf(string start) => kinds[page.Blocks.FindIndex(b => page.Text.ToString(b.Start, b.Length).StartsWith(start, StringComparison.Ordinal))].ToString();
        Assert.Equal("Good", KindOf(P1[..20]));
        Assert.Equal("Good", KindOf(P2[..20]));
        Assert.Equal("Bad", KindOf("Politics"));
        Assert.Equal("Bad", KindOf(P3 + " I agree"));
        Assert.Equal($"{P1}\n\n{P2}", BlockExtractor.Extract(html));
    }

    [Fact]
    public void Link_lists_are_dropped_even_inside_the_article()
    {
        var links = string.Concat(Enumerable.Range(0, 6).Select(i => $"<p><a href=\"/{i}\">Read more: the story of the bridge and the people who use it every day, part {i}</a></p>"));
        var text = BlockExtractor.Extract(Page($"<div><p>{P1}</p><p>{P2}</p>{links}<p>{P3}</p></div>"));
        Assert.DoesNotContain("Read more", text, StringComparison.Ordinal);
        Assert.Contains(P2, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_quotes_and_line_breaks_are_preserved()
    {
        var text = BlockExtractor.Extract(Page($"""
            <div class="article-body"><p>{P1}</p><ul><li>Detour via Mill Road</li><li>Ferry every 30 minutes</li></ul>
            <blockquote>{P2}</blockquote><p>{P3}<br>Reporting by the desk.</p></div>
            """));
        Assert.Contains("Detour via Mill Road\nFerry every 30 minutes", text, StringComparison.Ordinal);
        Assert.Contains($"\n\n{P2}\n\n", text, StringComparison.Ordinal);
        Assert.Contains($"{P3}\nReporting by the desk.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_styles_hidden_elements_and_comments_never_reach_the_text()
    {
        var text = BlockExtractor.Extract(Page($$"""
            <p>{{P1}}</p><script>var s = "</div><p>SCRIPT-TEXT</p>";</script><style>p:before { content: "STYLE" }</style>
            <!-- <p>COMMENT-TEXT</p> --><p hidden>HIDDEN</p><p style="display: none">NONE</p><p>{{P2}}</p><![CDATA[CDATA-TEXT]]><p>{{P3}}</p>
            """));
        foreach (var bad in new[] { "SCRIPT", "STYLE", "COMMENT", "HIDDEN", "NONE", "CDATA" })
            Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        Assert.Equal($"{P1}\n\n{P2}\n\n{P3}", text);
    }

    [Fact]
    public void Malformed_markup_is_tolerated()
    {
        var text = BlockExtractor.Extract(Page($"""
            <div class=content><p>{P1.Replace("Tuesday", "Tuesday <b>unclosed", StringComparison.Ordinal)}<p>{P2} x < y</i></span>
            <p title='unterminated>{P3}</p></div></div></div>
            """));
        Assert.Contains("Tuesday unclosed after engineers", text, StringComparison.Ordinal);
        Assert.Contains(P2 + " x < y", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_are_decoded_once()
    {
        var text = BlockExtractor.Extract(Page($"<p>{P1} Fish &amp; chips cost &euro;5 &amp;amp; more.</p><p>{P2}</p><p>{P3}</p>"));
        Assert.Contains("Fish & chips cost \u20ac5 &amp; more.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div>")]
    [InlineData("<div><span>")]
    [InlineData("<b>")]
    public void A_hundred_thousand_nested_levels_neither_overflow_nor_take_long(string open)
    {
        string Nested(int levels)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < levels; i++) sb.Append(open);
            sb.Append($"<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
            for (int i = 0; i < levels; i++) sb.Append(open.Replace("<", "</", StringComparison.Ordinal));
            return sb.ToString();
        }
        string small = Nested(10_000), large = Nested(100_000);
        Assert.Contains(P2, BlockExtractor.Extract(large), StringComparison.Ordinal);
        LinearTime.Assert(() => BlockExtractor.Extract(small), () => BlockExtractor.Extract(large));
    }

    [Fact]
    public void A_hundred_thousand_short_blocks_take_linear_time()
    {
        static string Blocks(int n)
        {
            var sb = new StringBuilder($"<p>{P1}</p><ul>");
            for (int i = 0; i < n; i++) sb.Append("<li>item</li>");
            return sb.Append($"</ul><p>{P2}</p>").ToString();
        }
        string small = Blocks(10_000), large = Blocks(100_000);
        Assert.Contains(P1, BlockExtractor.Extract(large), StringComparison.Ordinal);
        LinearTime.Assert(() => BlockExtractor.Extract(small), () => BlockExtractor.Extract(large));
    }

    [Fact]
    public void Only_a_whole_hidden_class_hides_an_element()
    {
        // "field--label-hidden" (Drupal) hides a field's label, not the field's text.
        var text = BlockExtractor.Extract(Page($"""
            <div class="field field--label-hidden"><p>{P1}</p><p>{P2}</p></div><p class="hidden">{P3}</p>
            """));
        Assert.Equal($"{P1}\n\n{P2}", text);
    }

    [Fact]
    public void A_form_wrapping_the_whole_page_keeps_its_article_and_a_small_form_is_furniture()
    {
        var search = "<form action=\"/search\"><p>Search the whole archive of the newspaper and all of its supplements here</p></form>";
        var wrapped = BlockExtractor.Extract(Page($"<form id=\"page\">{search}<div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></form>"));
        Assert.Equal($"{P1}\n\n{P2}\n\n{P3}", wrapped);
    }

    [Fact]
    public void A_language_without_listed_stop_words_is_judged_by_length_and_punctuation()
    {
        // Finnish: none of its words are in the stop-word lists, so stop-word density would call every paragraph bad.
        const string fi1 = "Saksan liittokansleri Angela Merkel keskusteli keskiviikkona Berliinissä pääministeri Sanna Marinin kanssa unionin tulevasta rahoituskehyksestä.";
        const string fi2 = "Merkelin arvioiden perusteella jäsenmaiden näkemykset ovat vielä kaukana toisistaan, ja neuvotteluja jatketaan ensi viikolla Brysselissä.";
        const string fi3 = "Suomi esitti viime syksynä puheenjohtajamaana kompromissia, jota nettomaksajat pitivät liian suurena ja koheesiomaat liian pienenä.";
        const string fi4 = "Komission esitys on jäsenmaiden mielestä liian kallis, ja parlamentti vaatii puolestaan lisää rahaa tutkimukselle ja ilmastotoimille.";
        const string fi5 = "Huippukokous alkaa torstaina Brysselissä, mutta diplomaattien mukaan sopuun tuskin päästään ennen kesää, ellei joku joustaa selvästi.";
        const string fi6 = "Pääministeri kertoi toimittajille tapaamisen jälkeen, että keskustelu oli hyvä ja avoin, vaikka näkemyserot ovat edelleen suuret.";
        const string fi7 = "Seuraava neuvottelukierros pidetään maaliskuussa, jolloin puheenjohtajamaa esittelee uuden ehdotuksen budjetin kokonaistasosta.";
        var text = BlockExtractor.Extract(Page($"""
            <ul><li><a href="/a">Politiikka</a></li><li><a href="/b">Talous</a></li><li><a href="/c">Urheilu</a></li><li><a href="/d">Kulttuuri</a></li><li><a href="/e">Tiede</a></li></ul>
            <div><p>{fi1}</p><p>{fi2}</p><p>{fi3}</p><p>{fi4}</p><p>{fi5}</p><p>{fi6}</p><p>{fi7}</p></div>
            """));
        Assert.Equal(string.Join("\n\n", fi1, fi2, fi3, fi4, fi5, fi6, fi7), text);
    }

    [Fact]
    public void Credit_lines_outside_figcaptions_are_dropped_and_long_paragraphs_naming_a_photo_are_kept()
    {
        const string credit = "The bridge seen from the east bank on Tuesday morning. (Photo: Jane Doe)";
        const string agency = "Engineers inspect the piers. © AFP / John Smith";
        const string longer = "The photo: a crack a metre long in the second pier, which engineers found on Tuesday morning during a routine " +
            "inspection, and which led the council to close the bridge to all traffic until further notice, officials said.";
        var text = BlockExtractor.Extract(Page($"<div><p>{P1}</p><p>{credit}</p><p>{P2}</p><p>{agency}</p><p>{longer}</p><p>{P3}</p></div>"));
        Assert.Equal($"{P1}\n\n{P2}\n\n{longer}\n\n{P3}", text);
    }

    [Fact]
    public void A_post_shown_only_in_noscript_is_read_and_the_script_template_beside_it_is_not()
    {
        // Blogger: the post is a script template for script to render, and again in noscript for readers without it.
        var text = BlockExtractor.Extract(Page($"""
            <div class="post-body" itemprop="articleBody"><script type="text/template"><p>TEMPLATE {P1}</p></script>
            <noscript><p>{P1}</p><p>{P2}</p><p>{P3}</p></noscript></div>
            """));
        Assert.Equal($"{P1}\n\n{P2}\n\n{P3}", text);
    }

    [Fact]
    public void A_heading_is_kept_only_when_good_text_follows_it_closely()
    {
        var text = BlockExtractor.Extract(Page($"""
            <div><h2>Bridge closed</h2><p>{P1}</p><p>{P2}</p><h3>Latest articles</h3>
            <ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New mayor sworn in</a></li></ul><p>{P3}</p></div>
            """));
        Assert.Equal($"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}", text);
    }

    [Fact]
    public void Empty_and_text_free_pages_give_empty_text()
    {
        Assert.Equal("", BlockExtractor.Extract(""));
        Assert.Equal("", BlockExtractor.Extract("<html><head><script>x()</script></head><body><img src=a></body></html>"));
    }

    // ---- properties ----

    // Text nodes are written in lower case, digits, 'ø' and entities; every piece of markup (tag and attribute names,
    // attribute values, comments, scripts, CDATA) in upper case, so any upper-case letter in the output came from markup.
    // Quotes are always closed here: an unclosed one makes the following "markup" part of a tag, as it is in browsers.
    private static readonly string[] TextPieces =
    [
        "the council said that the bridge was closed ", "and the 12 crews worked on it for a week ", "ø ", "&amp; ",
        "&euro;5 ", "x < 3 ", "\n", "  ",
    ];

    private static readonly string[] MarkupPieces =
    [
        "<P>", "</P>", "<DIV CLASS=CONTENT>", "<DIV CLASS='COMMENTS'>", "</DIV>", "<A HREF=\"/X\">", "</A>", "<LI>", "<UL>",
        "</UL>", "<BR>", "<H2>", "</H2>", "<!-- QQ <P>QQ</P> -->", "<SCRIPT>IF(A<B){W('</DIV><P>ZZ')}</SCRIPT>",
        "<STYLE>P{X:Y}</STYLE>", "<![CDATA[CC]]>", "<!DOCTYPE HTML>", "<SPAN TITLE='Q'>", "<P HIDDEN>", "<BLOCKQUOTE>",
        "</BLOCKQUOTE>", "<TABLE><TR><TD>", "</TD></TR></TABLE>", "<?PI QQ?>", "</>", "<NAV>", "</NAV>", "<ARTICLE>",
    ];

    private static Arbitrary<string> Pages() =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(TextPieces), Gen.Elements(MarkupPieces)))
            .Select(parts => string.Concat(parts)).ToArbitrary();

    private static bool FromTextNodes(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is 'ø' or '&' or '€' or '<');

    [Property(MaxTest = 500)]
    public Property Output_comes_only_from_text_nodes() =>
        Prop.ForAll(Pages(), html =>
        {
            var page = BlockExtractor.Segment(html);
            return FromTextNodes(page.Text.ToString()) && FromTextNodes(BlockExtractor.Extract(html));
        });

    [Property(MaxTest = 300)]
    public Property Never_throws_on_any_string(string? html) =>
        (BlockExtractor.Extract(html ?? "") is not null).ToProperty();

    [Property(MaxTest = 300)]
    public Property Never_throws_on_markup_shaped_noise() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("<", ">", "/", "!", "-", "'", "\"", "=", "a", "p", "div", "script", " ", "&", "#", ";", "x", "[", "]", "?"))
            .Select(string.Concat).ToArbitrary(), html => BlockExtractor.Extract(html) is not null);
}

public sealed class BlockPathTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void Block_path_reads_the_same_metadata_from_the_skeleton_as_the_default_path_from_the_page()
    {
        var html = Fixture("article.html");
        var blocks = HtmlExtractor.Blocks.Extract(html);
        var full = HtmlExtractor.SmartReader.Extract(html);
        Assert.Equal(full.Metadata, blocks.Metadata);
        Assert.DoesNotContain("MUST-NOT-APPEAR", blocks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_path_salvages_text_from_a_page_too_deep_for_the_default_path()
    {
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>The council closed the Main Street bridge on Tuesday after engineers found cracks in two of its piers, officials said.</p>");
        sb.Append("<p>Repairs are expected to take at least four months, and the city has set up a detour through the industrial park.</p>");
        var page = HtmlExtractor.Blocks.Extract(sb.ToString());
        Assert.Contains("detour through the industrial park", page.Text, StringComparison.Ordinal);
        Assert.True(HtmlExtractor.SmartReader.Extract(sb.ToString()).TooDeep);
    }

    [Fact]
    public void Corpus_reader_uses_the_block_path_when_asked()
    {
        var html = Encoding.UTF8.GetBytes(Fixture("article.html"));
        var item = new CorpusReader(new IngestOptions { HtmlText = HtmlTextMode.Blocks }).ReadHtml(html, "a.html");
        Assert.True(item.IsDocument);
        Assert.StartsWith("Riverton closes Main Street bridge", item.Document!.Text, StringComparison.Ordinal);
    }
}
