using System.Net;

namespace Parallax.Ingest.Html;

/// <summary>What <see cref="HtmlTokenizer.Next"/> found.</summary>
public enum HtmlTokenKind
{
    /// <summary>End of input.</summary>
    End,
    /// <summary>Character data between tags (raw; see <see cref="HtmlTokenizer.DecodedText"/>).</summary>
    Text,
    /// <summary>The content of a raw-text element (script, style, textarea, title…): never markup, never decoded here.</summary>
    RawText,
    StartTag,
    EndTag,
    /// <summary>Comments, CDATA sections, doctypes and processing instructions: nothing a reader sees.</summary>
    Comment,
}

/// <summary>
/// A single-pass, forgiving HTML tokenizer over a string: no tree, no recursion, no allocation per token except tag
/// names outside the known set and decoded text. It follows the shape of the HTML5 tokenizer closely enough for text
/// extraction (raw-text elements, unquoted attributes, stray '&lt;', unterminated comments and tags end at the end of
/// input) but keeps no character-reference tables of its own: text runs go through <see cref="WebUtility.HtmlDecode"/>.
/// With <c>noscriptAsMarkup</c>, noscript content is tokenized as markup, as HTML5 does when scripting is disabled;
/// otherwise it is raw text, as when scripting is enabled.
/// </summary>
public sealed class HtmlTokenizer(string html, bool noscriptAsMarkup = false)
{
    private readonly string _html = html ?? throw new ArgumentNullException(nameof(html));
    private readonly bool _noscriptAsMarkup = noscriptAsMarkup;
    private int _pos;
    // Attribute ranges of the current tag: name start, name length, value start, value length (-1: no value).
    private (int NameStart, int NameLength, int ValueStart, int ValueLength)[] _attrs = new (int, int, int, int)[8];
    private string? _rawTextEnd;

    public HtmlTokenKind Kind { get; private set; }

    /// <summary>Lower-case tag name of a start or end tag.</summary>
    public string Name { get; private set; } = "";

    /// <summary>A start tag written as &lt;x/&gt;.</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>Range of the token's content in the input (text, raw text or comment body).</summary>
    public int Start { get; private set; }
    public int Length { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>Where the whole token (with its '&lt;' and '&gt;') starts and ends in the input.</summary>
    public int TokenStart { get; private set; }
    public int TokenEnd => _pos;

    /// <summary>The input being read.</summary>
    public string Source => _html;

    public ReadOnlySpan<char> RawSpan => _html.AsSpan(Start, Length);

    /// <summary>The text token with character references decoded.</summary>
    public string DecodedText()
    {
        var span = RawSpan;
        var s = _html.Substring(Start, Length);
        return span.Contains('&') ? WebUtility.HtmlDecode(s) : s;
    }

    /// <summary>The value of attribute <paramref name="name"/> (lower-case) of the current start tag, undecoded; empty
    /// when absent or valueless.</summary>
    public ReadOnlySpan<char> Attribute(string name) => TryAttribute(name, out var v) ? v : default;

    public bool HasAttribute(string name) => TryAttribute(name, out _);

    public bool TryAttribute(string name, out ReadOnlySpan<char> value)
    {
        for (int i = 0; i < AttributeCount; i++)
        {
            var a = _attrs[i];
            if (_html.AsSpan(a.NameStart, a.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = a.ValueLength < 0 ? default : _html.AsSpan(a.ValueStart, a.ValueLength);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Advances to the next token; <see cref="HtmlTokenKind.End"/> at the end of input.</summary>
    public HtmlTokenKind Next()
    {
        var s = _html;
        AttributeCount = 0;
        SelfClosing = false;
        TokenStart = _pos;
        if (_rawTextEnd is { } endName)
        {
            _rawTextEnd = null;
            int end = FindRawTextEnd(endName);
            if (end > _pos) return Set(HtmlTokenKind.RawText, _pos, end - _pos, end);
        }
        if (_pos >= s.Length) return Set(HtmlTokenKind.End, s.Length, 0, s.Length);

        if (s[_pos] != '<' || _pos + 1 >= s.Length)
        {
            int lt = s.IndexOf('<', _pos + 1);
            if (lt < 0) lt = s.Length;
            return Set(HtmlTokenKind.Text, _pos, lt - _pos, lt);
        }

        char c = s[_pos + 1];
        if (char.IsAsciiLetter(c)) return Tag(_pos + 1, HtmlTokenKind.StartTag);
        if (c == '/')
        {
            if (_pos + 2 < s.Length && char.IsAsciiLetter(s[_pos + 2])) return Tag(_pos + 2, HtmlTokenKind.EndTag);
            // "</>" is dropped; "</ 3" and the like are bogus comments up to the next '>'.
            return BogusComment(_pos + 2);
        }
        if (c == '!')
        {
            if (string.CompareOrdinal(s, _pos, "<!--", 0, 4) == 0)
            {
                int bodyStart = _pos + 4;
                int end = s.IndexOf("-->", bodyStart, StringComparison.Ordinal);
                // An unterminated comment swallows the rest of the page, as in browsers.
                return end < 0
                    ? Set(HtmlTokenKind.Comment, bodyStart, s.Length - bodyStart, s.Length)
                    : Set(HtmlTokenKind.Comment, bodyStart, end - bodyStart, end + 3);
            }
            if (string.CompareOrdinal(s, _pos, "<![CDATA[", 0, 9) == 0)
            {
                int bodyStart = _pos + 9;
                int end = s.IndexOf("]]>", bodyStart, StringComparison.Ordinal);
                return end < 0
                    ? Set(HtmlTokenKind.Comment, bodyStart, s.Length - bodyStart, s.Length)
                    : Set(HtmlTokenKind.Comment, bodyStart, end - bodyStart, end + 3);
            }
            return BogusComment(_pos + 2);
        }
        if (c == '?') return BogusComment(_pos + 2);
        // A stray '<' is text.
        int next = s.IndexOf('<', _pos + 1);
        if (next < 0) next = s.Length;
        return Set(HtmlTokenKind.Text, _pos, next - _pos, next);
    }

    private HtmlTokenKind Set(HtmlTokenKind kind, int start, int length, int next)
    {
        Kind = kind;
        Start = start;
        Length = length;
        _pos = next;
        return kind;
    }

    private HtmlTokenKind BogusComment(int bodyStart)
    {
        int end = _html.IndexOf('>', bodyStart);
        return end < 0
            ? Set(HtmlTokenKind.Comment, bodyStart, _html.Length - bodyStart, _html.Length)
            : Set(HtmlTokenKind.Comment, bodyStart, end - bodyStart, end + 1);
    }

    private HtmlTokenKind Tag(int nameStart, HtmlTokenKind kind)
    {
        var s = _html;
        int i = nameStart;
        while (i < s.Length && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>') i++;
        Name = TagNames.Get(s.AsSpan(nameStart, i - nameStart));
        int tokenStart = nameStart;
        while (true)
        {
            while (i < s.Length && (IsSpace(s[i]) || s[i] == '/'))
            {
                if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '>') SelfClosing = true;
                i++;
            }
            if (i >= s.Length) break;
            if (s[i] == '>') { i++; break; }
            // Attribute name: up to white space, '/', '>' or '='; a leading '=' belongs to the name (HTML5 does so).
            int an = i++;
            while (i < s.Length && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') i++;
            int anLen = i - an;
            int j = i;
            while (j < s.Length && IsSpace(s[j])) j++;
            int vs = -1, vl = -1;
            if (j < s.Length && s[j] == '=')
            {
                j++;
                while (j < s.Length && IsSpace(s[j])) j++;
                if (j < s.Length && (s[j] == '"' || s[j] == '\''))
                {
                    char q = s[j];
                    int close = s.IndexOf(q, j + 1);
                    if (close < 0) close = s.Length;
                    vs = j + 1;
                    vl = close - vs;
                    i = Math.Min(close + 1, s.Length);
                }
                else
                {
                    vs = j;
                    while (j < s.Length && !IsSpace(s[j]) && s[j] != '>') j++;
                    vl = j - vs;
                    i = j;
                }
            }
            if (kind == HtmlTokenKind.StartTag) AddAttribute(an, anLen, vs, vl);
        }
        Set(kind, tokenStart, i - tokenStart, i);
        if (kind == HtmlTokenKind.StartTag && !SelfClosing && IsRawText(Name) && !(_noscriptAsMarkup && Name == "noscript")) _rawTextEnd = Name;
        return kind;
    }

    private void AddAttribute(int nameStart, int nameLength, int valueStart, int valueLength)
    {
        if (AttributeCount == _attrs.Length) Array.Resize(ref _attrs, _attrs.Length * 2);
        _attrs[AttributeCount++] = (nameStart, nameLength, valueStart, valueLength);
    }

    /// <summary>Position of the "&lt;/name" that ends a raw-text element (the end of input when there is none); the
    /// end tag itself is then read as an ordinary token.</summary>
    private int FindRawTextEnd(string name)
    {
        var s = _html;
        int i = _pos;
        while (true)
        {
            i = s.IndexOf("</", i, StringComparison.Ordinal);
            if (i < 0) return s.Length;
            int after = i + 2 + name.Length;
            if (after <= s.Length && s.AsSpan(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == s.Length || IsSpace(s[after]) || s[after] == '>' || s[after] == '/'))
                return i;
            i += 2;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Elements whose content the HTML5 tokenizer reads as text, so "&lt;/div&gt;" inside a script is not a tag.</summary>
    private static bool IsRawText(string name) =>
        name is "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript";
}

/// <summary>Lower-case tag names as shared strings, so the common ones cost no allocation and compare by reference.</summary>
internal static class TagNames
{
    private static readonly string[] Known =
    [
        "a", "abbr", "address", "article", "aside", "audio", "b", "base", "blockquote", "body", "br", "button", "canvas",
        "caption", "center", "cite", "code", "col", "dd", "del", "details", "dialog", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hr", "html", "i", "iframe", "img", "input", "ins", "label", "legend", "li", "link", "main", "mark", "math", "menu",
        "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "option", "p", "param", "picture", "pre", "q",
        "s", "script", "section", "select", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul",
        "video", "wbr", "xmp", "hgroup", "output", "area", "map", "frameset", "frame", "big", "tt", "kbd", "samp", "var",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Known.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Get(ReadOnlySpan<char> name)
    {
        if (name.Length <= 16)
        {
            Span<char> lower = stackalloc char[name.Length];
            name.ToLowerInvariant(lower);
            if (Lookup.TryGetValue(lower, out var known)) return known;
            return new string(lower);
        }
        return name.ToString().ToLowerInvariant();
    }
}
