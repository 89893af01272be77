using System.Globalization;
using System.Net;
using System.Text;

namespace Parallax.Web;

/// <summary>
/// A server-rendered page: a StringBuilder where every value from input goes through <see cref="T"/> (HTML-encoded,
/// safe in text and in double-quoted attributes) and only literal markup goes through <see cref="Raw"/>.
/// </summary>
internal sealed class Page
{
    /// <summary>No script at all, styles only from our own file, forms only back to us, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private readonly StringBuilder sb = new(8 * 1024);

    public Page(string title)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\">\n<link rel=\"stylesheet\" href=\"/static/parallax.css\">\n<title>");
        T(title);
        // The skip link comes first, so one Tab and Enter take a keyboard user past the site links to the page itself.
        sb.Append(" · Parallax</title>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#content\">Skip to main content</a>\n")
            .Append("<nav class=\"site-nav\" aria-label=\"Site\"><div class=\"wrap\"><a class=\"home\" href=\"/\">Parallax</a> <a href=\"/\">Stories</a> <a href=\"/add\">Add reports</a> <a href=\"/api/openapi.json\">API</a></div></nav>\n")
            .Append("<div id=\"content\" tabindex=\"-1\">\n");
    }

    public Page Raw(string markup)
    {
        sb.Append(markup);
        return this;
    }

    public Page T(string? text)
    {
        if (text is not null) sb.Append(WebUtility.HtmlEncode(Parallax.Model.BidiControls.Strip(text)));
        return this;
    }

    public Page T(ReadOnlySpan<char> text) => T(text.ToString());

    public Page N(long n)
    {
        sb.Append(n.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A query-string value, percent-encoded then HTML-encoded (it sits in an attribute).</summary>
    public Page Q(string? value) => T(Uri.EscapeDataString(value ?? ""));

    /// <summary>A page header in the report's style, so the site and the story page look like one thing.</summary>
    public Page Header(string heading, string? meta = null)
    {
        sb.Append("<header class=\"page-head\"><div class=\"wrap\">\n<p class=\"brand\">Parallax · what the coverage agrees and disagrees on</p>\n<h1>");
        T(heading);
        sb.Append("</h1>\n");
        if (meta is not null)
        {
            sb.Append("<p class=\"meta\">");
            T(meta);
            sb.Append("</p>\n");
        }
        sb.Append("</div></header>\n");
        return this;
    }

    public string End()
    {
        sb.Append("</div>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Site styles added to the report's own sheet: navigation, forms, lists.</summary>
    public const string SiteCss = """

        .skip-link{position:absolute;left:.5rem;top:-3rem;z-index:10;padding:.5rem 1rem;background:#fff;color:#0b1f33;font-weight:700;border-radius:0 0 6px 6px}
        .skip-link:focus{top:.4rem}
        #content:focus{outline:none}
        .site-nav{background:#0b1f33;font-size:.95rem}
        .site-nav .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding-top:.45rem;padding-bottom:.45rem}
        .site-nav a{color:#e6efff;text-decoration:none}
        .site-nav a:hover,.site-nav a:focus{text-decoration:underline}
        .site-nav .home{font-weight:700;margin-right:.5rem}
        .page-head{margin-bottom:1rem}
        /* Focus: an amber ring outside a dark one, so it shows on the white page and on the dark header alike. */
        a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #f5b400;outline-offset:2px;box-shadow:0 0 0 2px #0b1f33}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:flex-end;margin:0 0 1rem;padding:.75rem;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
        form label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:.15rem}
        input,textarea,select,button{font:inherit}
        input[type=text],input[type=search],input[type=date],input[type=password],textarea{padding:.35rem .5rem;border:1px solid #8c959f;border-radius:4px;background:#fff;color:var(--fg)}
        textarea{width:100%;min-height:10rem}
        button{padding:.4rem 1rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;cursor:pointer}
        .pager{display:flex;gap:1rem;margin:1rem 0}
        .message{padding:.6rem 1rem;border-radius:6px;margin:0 0 1rem;border:1px solid var(--line)}
        .message.error{border-color:var(--hot);background:var(--hot-bg);color:var(--hot)}
        .message.ok{border-color:var(--ok);background:var(--ok-bg);color:var(--ok)}
        .stories-table td.num{text-align:right;font-variant-numeric:tabular-nums}
        .stories-table td.hot{color:var(--hot);font-weight:700}
        @media (max-width:36rem){
          /* A phone: each story a card (title, then dates and counts, each named), no sideways scrolling. */
          .stories-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
          .stories-table,.stories-table tbody{display:block}
          .stories-table tr{display:flex;flex-wrap:wrap;gap:.15rem .9rem;padding:.55rem 0;border-bottom:1px solid var(--line)}
          .stories-table td{display:block;border:0;padding:0}
          .stories-table td:first-child{flex-basis:100%;font-weight:600}
          .stories-table td[data-label]::before{content:attr(data-label) " ";color:var(--muted);font-size:.82rem;font-weight:400}
        }
        .doc-text{white-space:pre-wrap;line-height:1.7;max-width:48rem}
        .doc-text .ent,.legend .ent{border-bottom:2px solid #0a4fb4}
        .doc-text .ent-person,.legend .ent-person{border-bottom-color:#7b2cbf}
        .doc-text .ent-place,.legend .ent-place{border-bottom-color:#1a6b34}
        .doc-text .qt,.legend .qt{background:#e8f0fe}
        .doc-text .num,.legend .num{background:var(--mark);font-weight:600}
        .doc-text .cite,.legend .cite{text-decoration:underline dotted}
        .legend span{margin-right:1rem;color:var(--fg)}
        dl.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dl.meta-list dt{font-weight:600}
        dl.meta-list dd{margin:0;overflow-wrap:anywhere}
        fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.75rem 1rem}
        .hits li{margin:.35rem 0}
        .hits b{background:var(--mark)}
        """;
}
