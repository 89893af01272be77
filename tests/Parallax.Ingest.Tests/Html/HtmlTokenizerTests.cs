using Parallax.Ingest.Html;

namespace Parallax.Ingest.Tests.Html;

public sealed class HtmlTokenizerTests
{
    private static List<(HtmlTokenKind Kind, string Value)> Tokens(string html, bool noscriptAsMarkup = false)
    {
        var t = new HtmlTokenizer(html, noscriptAsMarkup);
        var list = new List<(HtmlTokenKind, string)>();
        while (t.Next() is var k && k != HtmlTokenKind.End)
            list.Add((k, k switch
            {
                HtmlTokenKind.StartTag or HtmlTokenKind.EndTag => t.Name,
                HtmlTokenKind.Text => t.DecodedText(),
                _ => t.RawSpan.ToString(),
            }));
        return list;
    }

    [Fact]
    public void Tags_text_and_comments_come_out_in_order_with_lower_case_names()
    {
        Assert.Equal(
            [(HtmlTokenKind.StartTag, "p"), (HtmlTokenKind.Text, "a"), (HtmlTokenKind.Comment, " x "), (HtmlTokenKind.EndTag, "p")],
            Tokens("<P>a<!-- x --></p>"));
    }

    [Fact]
    public void Unquoted_single_quoted_and_valueless_attributes_are_read()
    {
        var t = new HtmlTokenizer("<div class=story-body id='main' hidden data-x = \"1 > 0\">");
        Assert.Equal(HtmlTokenKind.StartTag, t.Next());
        Assert.Equal("story-body", t.Attribute("class").ToString());
        Assert.Equal("main", t.Attribute("id").ToString());
        Assert.True(t.HasAttribute("hidden"));
        Assert.Equal("1 > 0", t.Attribute("data-x").ToString());
        Assert.Equal(HtmlTokenKind.End, t.Next());
    }

    [Fact]
    public void Script_content_is_raw_text_even_when_it_holds_end_tags()
    {
        var tokens = Tokens("<script>if (a < b) document.write('</div><p>x');</script><p>after</p>");
        Assert.Equal((HtmlTokenKind.RawText, "if (a < b) document.write('</div><p>x');"), tokens[1]);
        Assert.Equal((HtmlTokenKind.EndTag, "script"), tokens[2]);
        Assert.Contains((HtmlTokenKind.Text, "after"), tokens);
    }

    [Fact]
    public void Noscript_is_raw_text_by_default_and_markup_when_asked()
    {
        const string html = "<noscript><p>post</p></noscript><p>after</p>";
        Assert.Equal((HtmlTokenKind.RawText, "<p>post</p>"), Tokens(html)[1]);
        Assert.Equal(
            [(HtmlTokenKind.StartTag, "noscript"), (HtmlTokenKind.StartTag, "p"), (HtmlTokenKind.Text, "post"), (HtmlTokenKind.EndTag, "p"),
             (HtmlTokenKind.EndTag, "noscript"), (HtmlTokenKind.StartTag, "p"), (HtmlTokenKind.Text, "after"), (HtmlTokenKind.EndTag, "p")],
            Tokens(html, noscriptAsMarkup: true));
    }

    [Fact]
    public void Stray_less_than_signs_are_text()
    {
        var text = string.Concat(Tokens("a < b <3 and 1<2").Where(x => x.Kind == HtmlTokenKind.Text).Select(x => x.Value));
        Assert.Equal("a < b <3 and 1<2", text);
    }

    [Fact]
    public void Cdata_doctype_and_processing_instructions_are_not_text()
    {
        var tokens = Tokens("<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[x < y]]>z");
        Assert.Equal([(HtmlTokenKind.Text, "z")], tokens.Where(x => x.Kind == HtmlTokenKind.Text));
    }

    [Fact]
    public void Unterminated_constructs_end_at_the_end_of_input()
    {
        Assert.Equal(HtmlTokenKind.Comment, Tokens("a<!-- never closed <p>b")[^1].Kind);
        Assert.Equal((HtmlTokenKind.StartTag, "div"), Tokens("a<div class=\"never closed")[^1]);
        Assert.Equal(HtmlTokenKind.RawText, Tokens("<style>p { color: red }")[^1].Kind);
    }

    [Fact]
    public void Entities_are_decoded_in_text()
    {
        Assert.Equal("Fish & chips \u2014 \u20ac5 \u00e9t\u00e9 <b>", Tokens("Fish &amp; chips &mdash; &euro;5 &#233;t&#xE9; &lt;b&gt;")[0].Value);
    }

    [Fact]
    public void Self_closing_tags_are_marked()
    {
        var t = new HtmlTokenizer("<br/><img src=x />");
        t.Next();
        Assert.True(t.SelfClosing);
        t.Next();
        Assert.Equal("img", t.Name);
        Assert.True(t.SelfClosing);
    }
}
