using System.Collections.Frozen;
using System.Text;

namespace Parallax.Ingest.Html;

/// <summary>
/// Main text of an HTML page in one pass over <see cref="HtmlTokenizer"/> tokens, without building a tree: text is cut
/// into blocks at block-level tags (p, h1–h6, li, blockquote, pre, td, div…), each block carries what the open elements
/// say about it (inside a link, a heading, a list, a nav box, an article body), blocks are classified jusText-style
/// (length, link density, stop-word density, class/id hints), short and uncertain blocks take their neighbours'
/// class, and the densest run of good blocks is kept (maximum-sum segment), with paragraph breaks, headings, quotes
/// and list lines preserved. The open-element stack is a list, so nesting depth costs memory, never call stack.
/// Safe to share between threads (no state between calls).
/// </summary>
public static class BlockExtractor
{
    /// <summary>Extracts the main text: paragraphs separated by "\n\n", list items by "\n"; empty when nothing reads as
    /// an article.</summary>
    public static string Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var page = Segment(html);
        return Select(page);
    }

    // ---- segmentation -------------------------------------------------------------------------------------------

    [Flags]
    internal enum F
    {
        None = 0,
        Skip = 1,       // content never shown as reader text
        Link = 2,
        Heading = 4,
        ListItem = 8,
        Quote = 16,
        Pre = 32,
        Caption = 64,
        Cell = 128,
        Article = 256,  // inside article / main / articleBody
    }

    private struct Frame
    {
        public string Name;
        public F Flags;
        public int Hint;        // index of the innermost hinted element's container, -1 none
        public string BlockName; // innermost block-level element, self included
    }

    /// <summary>An element whose class, id, role or name says furniture (Sign &lt; 0) or content (Sign &gt; 0), with
    /// the blocks it spans.</summary>
    internal struct Container
    {
        public int Sign;
        public int FirstBlock;
        public int EndBlock;
    }

    internal struct Block
    {
        public int Start;
        public int Length;
        public int LinkChars;
        public string Tag;
        public F Flags;
        public int Hint;
        public int Words;
        public int StopWords;
        public int Punctuation;
        public Kind Class;
    }

    internal enum Kind { Bad, Short, NearGood, Good }

    internal sealed class Page
    {
        public readonly StringBuilder Text = new();
        public readonly List<Block> Blocks = [];
        public readonly List<Container> Containers = [];
    }

    private static readonly FrozenSet<string> BlockTags = FrozenSet.Create(StringComparer.Ordinal,
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "address", "hr", "form", "fieldset", "details", "summary", "center", "body",
        "html", "hgroup", "menu", "dialog", "legend", "option", "select", "textarea", "button", "iframe", "frameset");

    /// <summary>Elements that never hold reader text (raw-text ones included, which the tokenizer already keeps apart).</summary>
    private static readonly FrozenSet<string> SkipTags = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "head", "title", "button", "select", "option", "textarea", "input", "picture", "map", "dialog",
        "noembed", "noframes", "xmp", "label");

    private static readonly FrozenSet<string> VoidTags = FrozenSet.Create(StringComparer.Ordinal,
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param",
        "keygen", "frame");

    /// <summary>Class/id words that name page furniture on the sites that use them.</summary>
    private static readonly FrozenSet<string> NegativeWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "nav", "navi", "navbar", "navigation", "menu", "submenu", "footer", "sidebar", "aside", "comment", "comments",
        "commentlist", "kommentare", "related", "share", "sharing", "social", "socials", "newsletter", "subscribe",
        "subscription", "cookie", "cookies", "consent", "promo", "advert", "advertisement", "ads", "ad", "anzeige",
        "banner", "breadcrumb", "breadcrumbs", "widget", "widgets", "pagination", "pager", "outbrain", "taboola",
        "recommended", "popular", "trending", "masthead", "skip", "login", "signup", "copyright", "toolbar", "dropdown",
        "modal", "popup", "overlay", "tags", "tagcloud", "sharebar", "shariff",
        "meta", "metadata", "postmeta", "postmetadata", "byline", "caption", "credit", "credits", "author", "bio", "disqus", "respond", "reply", "more",
        "links", "sitemap", "topbar", "rating", "vote", "gallery", "slider", "carousel", "newsticker",
        "sponsored", "partner", "infobox", "jump", "mostread", "readmore", "next", "prev", "previous");

    /// <summary>Class/id words of article-body wrappers.</summary>
    private static readonly FrozenSet<string> PositiveWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "article", "content", "story", "body", "entry", "post", "main", "text", "blog", "articlebody", "storybody",
        "artikel", "beitrag", "inhalt", "maincontent", "postcontent", "entrycontent", "richtext", "prose");

    private static readonly FrozenSet<string> PostWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "hentry");

    private static readonly FrozenSet<string> HiddenWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "hidden", "sr-only", "visually-hidden", "screen-reader-text", "visuallyhidden", "element-invisible", "d-none");

    internal static Page Segment(string html)
    {
        var page = new Page();
        // Noscript content is read as markup, as a browser without scripts shows it: blog platforms put the post itself
        // there, beside a script template that only script would render.
        var t = new HtmlTokenizer(html, noscriptAsMarkup: true);
        var stack = new List<Frame>(64) { new() { Name = "#root", Hint = -1, BlockName = "body" } };
        var b = new BlockBuilder(page);
        while (true)
        {
            var kind = t.Next();
            if (kind == HtmlTokenKind.End) break;
            var top = stack[^1];
            switch (kind)
            {
                case HtmlTokenKind.Text:
                    if ((top.Flags & F.Skip) != 0) break;
                    if (!b.Open) b.Begin(top);
                    // Most text runs (indentation between tags above all) hold no reference to decode: read in place.
                    var raw = t.RawSpan;
                    b.Append(raw.Contains('&') ? t.DecodedText() : raw, top.Flags);
                    break;
                case HtmlTokenKind.StartTag:
                {
                    var name = t.Name;
                    if (name == "br")
                    {
                        if (b.Open) b.LineBreak();
                        break;
                    }
                    bool isBlock = BlockTags.Contains(name);
                    if (isBlock) b.Flush();
                    if (VoidTags.Contains(name) || t.SelfClosing && !BlockTags.Contains(name) && name is not ("a" or "span")) break;
                    // Elements that close an open sibling implicitly (a new paragraph or list item).
                    if (name is "p" or "li" or "dt" or "dd" or "td" or "th" or "tr" or "option")
                        ImplicitClose(stack, name, page, b);
                    top = stack[^1];
                    var frame = new Frame
                    {
                        Name = name,
                        Flags = top.Flags | OwnFlags(t, name),
                        Hint = top.Hint,
                        BlockName = isBlock ? name : top.BlockName,
                    };
                    if ((frame.Flags & F.Skip) == 0)
                    {
                        int sign = HintOf(t, name);
                        if (sign != 0)
                        {
                            b.Flush();
                            frame.Hint = page.Containers.Count;
                            page.Containers.Add(new Container { Sign = sign, FirstBlock = page.Blocks.Count, EndBlock = -1 });
                        }
                    }
                    stack.Add(frame);
                    break;
                }
                case HtmlTokenKind.EndTag:
                {
                    var name = t.Name;
                    if (name == "br") { if (b.Open) b.LineBreak(); break; }
                    // Search a bounded distance for the element to close: a stray end tag deep in a 100,000-level page
                    // must not cost a scan of the whole stack.
                    int found = -1;
                    for (int i = stack.Count - 1; i >= 1 && i >= stack.Count - 64; i--)
                        if (ReferenceEquals(stack[i].Name, name) || stack[i].Name == name) { found = i; break; }
                    if (found < 0) break;
                    if (BlockTags.Contains(name) || stack[found].Hint != stack[found - 1].Hint) b.Flush();
                    PopTo(stack, found, page, b);
                    break;
                }
            }
        }
        b.Flush();
        for (int i = 0; i < page.Containers.Count; i++)
            if (page.Containers[i].EndBlock < 0)
            {
                var c = page.Containers[i];
                c.EndBlock = page.Blocks.Count;
                page.Containers[i] = c;
            }
        return page;
    }

    /// <summary>Pops frames down to <paramref name="count"/>, ending the hinted containers they opened.</summary>
    private static void PopTo(List<Frame> stack, int count, Page page, BlockBuilder b)
    {
        while (stack.Count > count)
        {
            var f = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (f.Hint >= 0 && f.Hint != stack[^1].Hint)
            {
                b.Flush();
                var c = page.Containers[f.Hint];
                c.EndBlock = page.Blocks.Count;
                page.Containers[f.Hint] = c;
            }
        }
    }

    private static void ImplicitClose(List<Frame> stack, string name, Page page, BlockBuilder b)
    {
        // Only the nearest few frames: "<li>a<li>b" closes the first item; a list nested in an item is left alone
        // because its ul/ol frame stops the search.
        for (int i = stack.Count - 1; i >= 1 && i >= stack.Count - 8; i--)
        {
            var n = stack[i].Name;
            if (n == name)
            {
                PopTo(stack, i, page, b);
                return;
            }
            if (n is "ul" or "ol" or "table" or "div" or "section" or "article" or "dl" or "select" or "blockquote") return;
        }
    }

    private static F OwnFlags(HtmlTokenizer t, string name)
    {
        var f = F.None;
        if (SkipTags.Contains(name) || t.HasAttribute("hidden") || IsHiddenStyle(t.Attribute("style"))
            || t.Attribute("aria-hidden").Equals("true", StringComparison.OrdinalIgnoreCase))
            f |= F.Skip;
        switch (name)
        {
            case "a": f |= F.Link; break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": f |= F.Heading; break;
            case "li" or "dd" or "dt": f |= F.ListItem; break;
            case "blockquote": f |= F.Quote; break;
            case "pre": f |= F.Pre; break;
            case "figcaption" or "caption": f |= F.Caption; break;
            case "td" or "th": f |= F.Cell; break;
            case "article" or "main": f |= F.Article; break;
        }
        if (t.Attribute("itemprop").Equals("articleBody", StringComparison.OrdinalIgnoreCase)) f |= F.Article;
        if (HasClassToken(t.Attribute("class"), HiddenWords)) f |= F.Skip;
        return f;
    }

    private static bool IsHiddenStyle(ReadOnlySpan<char> style)
    {
        if (style.IsEmpty) return false;
        Span<char> buf = stackalloc char[Math.Min(style.Length, 256)];
        int n = 0;
        foreach (char c in style)
        {
            if (n == buf.Length) break;
            if (c != ' ') buf[n++] = char.ToLowerInvariant(c);
        }
        var s = buf[..n];
        return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>-1 for furniture, +1 for an article body, 0 otherwise; furniture words win over content words
    /// ("comment-content" is a comment).</summary>
    private static int HintOf(HtmlTokenizer t, string name)
    {
        switch (name)
        {
            // A form is usually a search box or a comment form, but some frameworks wrap the whole page in one: as
            // furniture rather than hidden, the wrapper case is undone when it holds most of the text (ResolveHints).
            case "nav" or "aside" or "footer" or "menu" or "form": return -1;
            // Heading ids are anchors made from the heading's words ("nav_nur_die_folie"), not layout names.
            case "body" or "html" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6": return 0;
        }
        var role = t.Attribute("role");
        if (role.Equals("navigation", StringComparison.OrdinalIgnoreCase) || role.Equals("complementary", StringComparison.OrdinalIgnoreCase)
            || role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase) || role.Equals("banner", StringComparison.OrdinalIgnoreCase))
            return -1;
        var cls = t.Attribute("class");
        var id = t.Attribute("id");
        // WordPress marks the post itself with "hentry" and lists its categories and tags as classes
        // ("category-popular"), which must not read as furniture.
        if (HasWord(cls, PostWords)) return 1;
        if (HasWord(cls, NegativeWords) || HasWord(id, NegativeWords)) return -1;
        if (name is "article" or "main" || role.Equals("main", StringComparison.OrdinalIgnoreCase)
            || t.Attribute("itemprop").Equals("articleBody", StringComparison.OrdinalIgnoreCase)
            || HasWord(cls, PositiveWords) || HasWord(id, PositiveWords))
            return 1;
        return 0;
    }

    /// <summary>Whether a class value holds one of <paramref name="tokens"/> as a whole class name: "hidden" hides an
    /// element, "field--label-hidden" only its label.</summary>
    private static bool HasClassToken(ReadOnlySpan<char> value, FrozenSet<string> tokens)
    {
        if (value.IsEmpty) return false;
        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in value.SplitAny(" \t\n\r\f"))
            if (range.End.Value > range.Start.Value && lookup.Contains(value[range])) return true;
        return false;
    }

    /// <summary>Whether a class or id value holds one of <paramref name="words"/> as a word (split at anything that is
    /// not a letter or digit, and at lower-to-upper case changes: "articleBody", "post_content").</summary>
    private static bool HasWord(ReadOnlySpan<char> value, FrozenSet<string> words)
    {
        if (value.IsEmpty) return false;
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        // The whole value first ("sr-only" and the like contain separators).
        if (value.Length <= 40 && lookup.Contains(value.Trim())) return true;
        int start = -1;
        for (int i = 0; i <= value.Length; i++)
        {
            bool letter = i < value.Length && char.IsLetterOrDigit(value[i]);
            bool camel = letter && start >= 0 && char.IsUpper(value[i]) && char.IsLower(value[i - 1]);
            if ((!letter || camel) && start >= 0)
            {
                var word = value[start..i];
                if (lookup.Contains(word)) return true;
                // "sidebar2", "comments123": digits at the end do not change the word.
                var trimmed = word.TrimEnd("0123456789");
                if (trimmed.Length != word.Length && trimmed.Length > 0 && lookup.Contains(trimmed)) return true;
                start = -1;
            }
            if (letter && start < 0) start = i;
        }
        return false;
    }

    /// <summary>Collects the current block's text with white space collapsed, counting words, stop words, punctuation
    /// and characters inside links as they come.</summary>
    private sealed class BlockBuilder(Page page)
    {
        private readonly StringBuilder _sb = page.Text;
        private Block _block;
        private bool _pendingSpace;
        private bool _pendingLine;
        private int _wordStart = -1;

        public bool Open { get; private set; }

        public void Begin(Frame top)
        {
            Open = true;
            _block = new Block { Start = _sb.Length, Tag = top.BlockName, Flags = top.Flags, Hint = top.Hint };
            _pendingSpace = false;
            _pendingLine = false;
            _wordStart = -1;
        }

        public void LineBreak()
        {
            if (_sb.Length > _block.Start) _pendingLine = true;
        }

        public void Append(ReadOnlySpan<char> text, F flags)
        {
            bool link = (flags & F.Link) != 0;
            bool pre = (flags & F.Pre) != 0;
            foreach (char raw in text)
            {
                char c = raw == '\u00A0' ? ' ' : raw;
                if (pre && c == '\n') { LineBreak(); EndWord(); continue; }
                if (char.IsWhiteSpace(c))
                {
                    if (_sb.Length > _block.Start) _pendingSpace = true;
                    EndWord();
                    continue;
                }
                if (_pendingLine || _pendingSpace)
                {
                    _sb.Append(_pendingLine ? '\n' : ' ');
                    _pendingLine = _pendingSpace = false;
                }
                _sb.Append(c);
                if (link) _block.LinkChars++;
                if (char.IsLetterOrDigit(c)) { if (_wordStart < 0) _wordStart = _sb.Length - 1; }
                else
                {
                    EndWord();
                    if (c is '.' or ',' or ';' or ':' or '!' or '?' or '。' or '，' or '、') _block.Punctuation++;
                }
            }
        }

        private void EndWord()
        {
            if (_wordStart < 0) return;
            int len = _sb.Length - _wordStart;
            _block.Words++;
            if (len <= 12)
            {
                Span<char> w = stackalloc char[len];
                for (int i = 0; i < len; i++) w[i] = char.ToLowerInvariant(_sb[_wordStart + i]);
                if (StopWords.Lookup.Contains(w)) _block.StopWords++;
            }
            _wordStart = -1;
        }

        public void Flush()
        {
            if (!Open) return;
            EndWord();
            Open = false;
            _block.Length = _sb.Length - _block.Start;
            if (_block.Length > 0) page.Blocks.Add(_block);
        }
    }

    // ---- classification and selection ---------------------------------------------------------------------------

    private const int LongOutsideRun = 300;

    /// <summary>A heading is the article's own when a good block follows within this many blocks; one further away
    /// is more often the label of a teaser or event list ("Latest articles") whose items are bad.</summary>
    private const int HeadingReach = 2;

    /// <summary>The headline (h1) reaches further: a byline and a date often stand between it and the first paragraph.</summary>
    private const int TitleReach = 3;

    /// <summary>Captions and credit lines under this length are furniture; a longer one tells part of the story.</summary>
    private const int CaptionLength = 200;

    internal static string Select(Page page)
    {
        var blocks = page.Blocks;
        if (blocks.Count == 0) return "";
        var hint = ResolveHints(page);
        var kinds = Classify(page, hint);

        // The main run: the segment with the largest sum, good text counting for and bad text against.
        double best = 0, run = 0;
        int bestStart = -1, bestEnd = -1, runStart = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            double v = Value(blocks[i], kinds[i], hint[i]);
            if (run <= 0) { run = 0; runStart = i; }
            run += v;
            if (run > best) { best = run; bestStart = runStart; bestEnd = i; }
        }
        if (bestStart < 0) return "";

        var sb = new StringBuilder();
        Block? previous = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (kinds[i] is not (Kind.Good or Kind.NearGood)) continue;
            // Outside the main run only long prose survives (an article split by a big related-links box).
            if ((i < bestStart || i > bestEnd) && (kinds[i] != Kind.Good || blocks[i].Length < LongOutsideRun || hint[i] < 0)) continue;
            var blk = blocks[i];
            if (sb.Length > 0)
                sb.Append(previous is { } p && (p.Flags & F.ListItem) != 0 && (blk.Flags & F.ListItem) != 0 ? "\n" : "\n\n");
            sb.Append(page.Text, blk.Start, blk.Length);
            previous = blk;
        }
        return sb.ToString();
    }

    /// <summary>Each block's class after the context rule (for tests and <see cref="Select"/>).</summary>
    internal static Kind[] Classify(Page page) => Classify(page, ResolveHints(page));

    private static Kind[] Classify(Page page, int[] hint)
    {
        var kinds = RawKinds(page, hint);
        Smooth(page.Blocks, kinds);
        return kinds;
    }

    private static Kind[] RawKinds(Page page, int[] hint)
    {
        var kinds = new Kind[page.Blocks.Count];
        // A page in a language our stop-word lists do not cover (Finnish, Arabic…) has few of them (under 5%; prose in
        // a listed language has 25-40%): its blocks are then judged as unspaced scripts are, by length and punctuation.
        long words = 0, stops = 0;
        foreach (var b in page.Blocks) { words += b.Words; stops += b.StopWords; }
        bool noStopWords = words >= 100 && stops * 20 < words;
        for (int i = 0; i < kinds.Length; i++) kinds[i] = Classify(page, page.Blocks[i], hint[i], noStopWords);
        return kinds;
    }

    /// <summary>Each block's effective hint: its innermost hinted container's sign, except that a furniture container
    /// holding most of the page's text is a wrapper that happens to be named so (class "no-sidebar") and counts 0.</summary>
    private static int[] ResolveHints(Page page)
    {
        var blocks = page.Blocks;
        var prefix = new long[blocks.Count + 1];
        for (int i = 0; i < blocks.Count; i++) prefix[i + 1] = prefix[i] + blocks[i].Length - blocks[i].LinkChars;
        long total = prefix[^1];
        var hint = new int[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            int h = blocks[i].Hint;
            if (h < 0) continue;
            var c = page.Containers[h];
            if (c.Sign < 0 && (prefix[c.EndBlock] - prefix[c.FirstBlock]) * 2 > total) hint[i] = 0;
            else hint[i] = c.Sign;
        }
        return hint;
    }

    /// <summary>A date line, a counter, a price: no more letters than other characters.</summary>
    private static bool MostlyNotLetters(Page page, Block b)
    {
        int letters = 0, other = 0;
        for (int i = b.Start; i < b.Start + b.Length; i++)
        {
            char c = page.Text[i];
            if (char.IsLetter(c)) letters++;
            else if (!char.IsWhiteSpace(c)) other++;
        }
        return letters <= other;
    }

    /// <summary>Openings of credit lines, link teasers and calls to action that sites put inside the article body.</summary>
    private static readonly string[] FurniturePhrases =
    [
        "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "titelbild", "credit", "crédit", "quelle:", "source:",
        "image:", "copyright", "©", "mehr zum thema", "weitere informationen", "lesen sie auch", "auch interessant",
        "das könnte sie", "mehr infos", "explore further", "read more", "read also", "related:", "see also", "more:",
        "if you enjoyed", "lust auf mehr", "kontakt:", "share", "teilen", "lire aussi", "à lire aussi", "leer más",
        "lee también", "advertisement", "anzeige", "werbung", "subscribe", "abonnieren", "newsletter",
    ];

    private static bool StartsWithFurniturePhrase(Page page, Block b)
    {
        int n = Math.Min(b.Length, 40);
        Span<char> head = stackalloc char[n];
        for (int i = 0; i < n; i++) head[i] = char.ToLowerInvariant(page.Text[b.Start + i]);
        foreach (var p in FurniturePhrases)
            if (head.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    private static Kind Classify(Page page, Block b, int hint, bool noStopWords)
    {
        if (hint < 0) return Kind.Bad;
        int len = b.Length;
        double linkDensity = (double)b.LinkChars / len;
        if (linkDensity > 0.5) return Kind.Bad;
        // Photo credits and short captions; a long caption tells part of the story.
        if ((b.Flags & F.Caption) != 0 && len < CaptionLength) return Kind.Bad;
        if (len < 120 && (MostlyNotLetters(page, b) || StartsWithFurniturePhrase(page, b))) return Kind.Bad;
        if (len < CaptionLength && HasCredit(page, b)) return Kind.Bad;
        if ((b.Flags & F.Heading) != 0) return len > 200 ? Kind.NearGood : Kind.Short;
        // Scripts without spaces between words (Chinese, Japanese): stop words say nothing; punctuation does.
        bool spaced = b.Words * 12 >= len && !noStopWords;
        if (!spaced)
        {
            if (len >= 40 && b.Punctuation > 0 && linkDensity < 0.2) return Kind.Good;
            return len >= 15 ? Kind.NearGood : Kind.Short;
        }
        if (linkDensity > 0.25 && len < 300) return Kind.Bad;
        // Inside a named article body short lines (ingredients, list items, subheads) are the article's own.
        if (hint > 0 && linkDensity < 0.2 && len < 70) return Kind.NearGood;
        if (len < 40) return Kind.Short;
        double stop = b.Words == 0 ? 0 : (double)b.StopWords / b.Words;
        if (stop >= 0.25) return len >= 70 ? Kind.Good : Kind.NearGood;
        if (stop >= 0.12) return len >= 200 ? Kind.Good : Kind.NearGood;
        return len >= 200 && b.Punctuation >= 3 ? Kind.NearGood : Kind.Bad;
    }

    /// <summary>jusText's context rule: short and near-good blocks take the class of the good or bad blocks around
    /// them; a heading is good when a good block follows it closely (HeadingReach, TitleReach).</summary>
    private static void Smooth(List<Block> blocks, Kind[] kinds)
    {
        int n = kinds.Length;
        var result = (Kind[])kinds.Clone();
        // The nearest decided (good or bad) block on each side, found in two linear sweeps so that a page of 100,000
        // short list items stays linear.
        var nextDecided = new Kind[n];
        Kind seen = Kind.Bad;
        for (int i = n - 1; i >= 0; i--)
        {
            nextDecided[i] = seen;
            if (kinds[i] is Kind.Good or Kind.Bad) seen = kinds[i];
        }
        Kind prev = Kind.Bad;
        for (int i = 0; i < n; i++)
        {
            if (kinds[i] is Kind.Good or Kind.Bad) { prev = kinds[i]; continue; }
            Kind next = nextDecided[i];
            bool heading = (blocks[i].Flags & F.Heading) != 0;
            if (heading)
            {
                int reach = blocks[i].Tag == "h1" ? TitleReach : HeadingReach;
                for (int j = i + 1; j < n && j <= i + reach; j++)
                    if (kinds[j] == Kind.Good) { result[i] = Kind.Good; break; }
                if (result[i] != Kind.Good) result[i] = Kind.Bad;
                continue;
            }
            if (kinds[i] == Kind.Short) result[i] = prev == Kind.Good && next == Kind.Good ? Kind.Good : Kind.Bad;
            else result[i] = prev == Kind.Good || next == Kind.Good ? Kind.Good : Kind.Bad;
        }
        Array.Copy(result, kinds, n);
    }

    private static readonly string[] CreditMarks = ["©", "foto:", "photo:", "credit:", "bild:", "fotos:", "photos:", "image:"];

    /// <summary>A picture credit anywhere in the block ("Marco Odermatt. © AFP", "… (Foto: Getty)"): a caption outside
    /// any figcaption.</summary>
    private static bool HasCredit(Page page, Block b)
    {
        Span<char> buf = stackalloc char[b.Length];
        for (int i = 0; i < b.Length; i++) buf[i] = char.ToLowerInvariant(page.Text[b.Start + i]);
        foreach (var m in CreditMarks)
            if (((ReadOnlySpan<char>)buf).Contains(m, StringComparison.Ordinal)) return true;
        return false;
    }

    private static double Value(Block b, Kind k, int hint)
    {
        double weight = hint > 0 ? 1.5 : 1.0;
        return k switch
        {
            Kind.Good => b.Length * weight,
            Kind.NearGood => b.Length * 0.5 * weight,
            _ => -Math.Min(b.Length, 400) * (hint < 0 ? 1.0 : 0.8),
        };
    }
}
