using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Parallax.Ingest.Html;

/// <summary>
/// Turns an element tree into plain text the way a reader sees it: block elements become paragraphs separated by
/// "\n\n", &lt;br&gt; a line break, white space inside a paragraph collapses to single spaces. Scripts, styles and
/// other non-text elements are skipped entirely, so their content can never reach the text.
/// </summary>
internal static class HtmlTextRenderer
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "address", "hr", "form", "fieldset", "details", "summary",
        "center", "body", "html");

    /// <summary>Elements whose content is never reader text.</summary>
    public static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "head", "title", "meta", "link", "button", "select", "option", "textarea", "input", "picture", "source");

    /// <summary>Renders <paramref name="root"/> (and its descendants) to text.</summary>
    public static string Render(INode root)
    {
        var w = new Writer();
        Walk(root, w, preformatted: false);
        return w.ToString();
    }

    private static void Walk(INode node, Writer w, bool preformatted)
    {
        switch (node)
        {
            case IText text:
                w.AppendText(text.Data, preformatted);
                return;
            case IElement el:
                var name = el.LocalName;
                if (Skipped.Contains(name) || el.HasAttribute("hidden") || IsHiddenByStyle(el)) return;
                if (name == "br") { w.LineBreak(); return; }
                bool block = Blocks.Contains(name);
                // List items and table cells are lines of one block; other blocks are paragraphs.
                bool line = name is "li" or "tr" or "dt" or "dd";
                if (block) { if (line) w.LineBreak(); else w.ParagraphBreak(); }
                bool pre = preformatted || name == "pre";
                for (var child = el.FirstChild; child is not null; child = child.NextSibling) Walk(child, w, pre);
                if (block) { if (line) w.LineBreak(); else w.ParagraphBreak(); }
                else if (name is "td" or "th") w.Space();
                return;
            default:
                for (var child = node.FirstChild; child is not null; child = child.NextSibling) Walk(child, w, preformatted);
                return;
        }
    }

    private static bool IsHiddenByStyle(IElement el)
    {
        var style = el.GetAttribute("style");
        if (style is null) return false;
        var s = style.Replace(" ", "", StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Accumulates text with pending breaks, so that runs of blocks yield one "\n\n" and no trailing space.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private int _pendingBreak; // 0 none, 1 line, 2 paragraph
        private bool _pendingSpace;

        public void ParagraphBreak() { if (_sb.Length > 0) _pendingBreak = 2; _pendingSpace = false; }
        public void LineBreak() { if (_sb.Length > 0) _pendingBreak = Math.Max(_pendingBreak, 1); _pendingSpace = false; }
        public void Space() { if (_sb.Length > 0 && _pendingBreak == 0) _pendingSpace = true; }

        public void AppendText(string data, bool preformatted)
        {
            foreach (char raw in data)
            {
                char c = raw == '\u00A0' ? ' ' : raw;
                if (preformatted && c == '\n') { LineBreak(); continue; }
                if (char.IsWhiteSpace(c)) { Space(); continue; }
                if (_sb.Length > 0)
                {
                    if (_pendingBreak > 0) _sb.Append(_pendingBreak == 2 ? "\n\n" : "\n");
                    else if (_pendingSpace) _sb.Append(' ');
                }
                _pendingBreak = 0;
                _pendingSpace = false;
                _sb.Append(c);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
