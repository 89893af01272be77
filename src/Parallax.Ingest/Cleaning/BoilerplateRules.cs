using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Cleaning;

/// <summary>A block of page furniture that, once it starts near the end of a text, usually runs to the end.</summary>
internal enum Section : byte { None, Comments, Subscription, Related, Footer }

/// <summary>
/// One boilerplate pattern, tried against a trimmed line.
/// <paramref name="MaxWords"/> is a cheap gate: a line with more words is never tested, which keeps body paragraphs
/// away from short-line rules and keeps the cleaner fast. <paramref name="UnpunctuatedEnd"/> marks rules for
/// credit lines ("… PHOTO/Jane Doe"), which never end in sentence punctuation; lines that do are not tested.
/// <paramref name="Opens"/> says whether a match starts a section that may run to the end of the text.
/// </summary>
internal sealed record LineRule(string Reason, int MaxWords, Section Opens, bool UnpunctuatedEnd, Regex Pattern, string Why);

/// <summary>
/// The boilerplate rules as data. Each rule says why it exists; patterns are anchored, compiled once, and run with
/// <see cref="RegexOptions.NonBacktracking"/>, so matching is linear in the line length whatever the input.
/// Rules are tried in order and the first match wins (copyright before "© Name" photo credits).
/// These are patterns of US news sites in general (CMS widgets, wire credits, newsletter and app promos),
/// not strings of any one article.
/// </summary>
internal static class BoilerplateRules
{
    private const RegexOptions Ci = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    // Case-sensitive: needed where a capital letter is the evidence (a credited name); IgnoreCase would make \p{Lu}
    // match lower case too. Keywords inside use (?i:…).
    private const RegexOptions Cs = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private const string Months = "january|february|march|april|may|june|july|august|september|october|november|december";
    private const string Days = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    public static readonly ImmutableArray<LineRule> Rules =
    [
        // ---- newsletter and subscription promos -------------------------------------------------------------
        new("newsletter promo", 7, Section.Subscription, false, new(
            @"^(?:get |receive )?(?:the |our )?(?:free )?(?:breaking[ -]news|news|daily|morning|evening|weekly|top stories|latest news|politics|local news)(?: news)? (?:e-?mails?|alerts?|newsletters?|updates)$", Ci),
            "Newsletter sign-up widget headings (\"Breaking News Emails\", \"Daily Newsletter\") printed above or inside articles."),
        new("newsletter promo", 25, Section.Subscription, false, new(
            @"^(?:sign up|subscribe|register|opt in)\b.*\b(?:newsletters?|e-?mails?|alerts?|inbox|updates|digest|briefing)\b", Ci),
            "\"Sign up for our newsletter …\" calls to action."),
        new("subscription promo", 20, Section.Subscription, false, new(
            @"^(?:sign up(?: now| today| here| for free)?|subscribe(?: now| today| here)?|subscribe to (?:our|the) \S+(?: \S+){0,4}|already (?:a subscriber|have an account)\??.*|not a subscriber\??|become a (?:subscriber|member)(?: today)?|support (?:our|local|independent|quality) journalism.*|you have \d+ free (?:articles?|stories) (?:left|remaining).*|(?:start|get) your free trial.*|log ?in or subscribe.*|subscribe (?:for|from) [$£€]?\d.*)[.!]?$", Ci),
            "Paywall and subscription prompts; anchored to the whole line so a sentence mentioning subscribers stays."),
        new("subscription promo", 12, Section.Subscription, false, new(
            @"^(?:[•·▪●■*–—-]\s*)?(?:unlimited (?:digital )?access\b|ad[- ]free\b|(?:ios|android|mobile)(?: and (?:ios|android))? apps? access|all newsletters\b|.*\bdelivered to your (?:door|inbox)|cancel any ?time\b|\d+% off\b|first month free)", Ci),
            "Bullet lists of subscription perks (\"Unlimited access to …\", \"Ad free … experience\")."),
        new("outlet branding", 3, Section.Subscription, false, new(
            @"^\S+(?: \S+)? (?:cover|logo|masthead)$", Ci),
            "Alt text of an outlet's magazine cover or logo image (\"Newsweek cover\"), left behind by text export."),

        // ---- comment sections ----------------------------------------------------------------------------
        new("comment section", 3, Section.Comments, false, new(
            @"^\(?\d+\)?\s*comments?$", Ci),
            "Comment counters (\"(0) comments\", \"12 Comments\") that head comment widgets."),
        new("comment section", 9, Section.Comments, false, new(
            @"^(?:comments?|reader comments|join the (?:discussion|conversation)|welcome to the discussion|leave a (?:comment|reply)|post a comment|add a comment|show comments|view(?: all)?(?: \d+)? comments|comments (?:are|have been) closed(?: for this (?:article|story))?|(?:log|sign) in to (?:comment|leave a comment|join the discussion)|be the first to comment|conversation)[.!:]?$", Ci),
            "Comment widget headings."),
        new("comment section", 9, Section.Comments, false, new(
            @"^(?:kommentare?|leserkommentare|kommentare? (?:schreiben|verfassen)|schreibe einen kommentar|hinterlasse einen kommentar|diskussion|commentaires?|laisser un commentaire|komentarze?|dodaj komentarz|commenti|comentarios|deja un comentario)[.!:]?$", Ci),
            "Comment widget headings in German, French, Polish, Italian and Spanish."),
        new("comment rules", 25, Section.Comments, false, new(
            @"^(?:keep it clean|don['’]?t threaten|be truthful|be nice|be proactive|share with us|stay on topic|no personal attacks|be respectful|be civil)[.!]\s", Ci),
            "Commenting guidelines; the \"Keep it Clean. / Don't Threaten. / Be Truthful. …\" set ships with a CMS used by hundreds of US local sites."),

        // ---- app and share prompts -------------------------------------------------------------------------
        new("app prompt", 30, Section.None, false, new(
            @"\b(?:download|get|install) our\b(?: \S+){0,3} apps?\b|^(?:>+\s*)?(?:click|tap|click/tap|click or tap)\b.{0,40}\b(?:download|get|install) (?:the|our)\b.*\bapps?\b|^(?:download|get|install) the(?: \S+){0,3} apps?[.!]?$", Ci),
            "\"Download our free mobile app\" prompts; \"the … app\" only as a whole-line imperative, so a sentence about a county's app stays."),
        new("app prompt", 50, Section.None, false, new(
            @"\bis now with you on the go\b", Ci),
            "Broadcast sites' \"… is now with you on the go!\" app blurb."),
        new("link prompt", 25, Section.None, false, new(
            @"^(?:>+\s*)?(?:click|tap|click/tap|click or tap)\s+here\b", Ci),
            "\"Click here …\" link prompts whose link is gone in plain text."),
        new("share prompt", 10, Section.None, false, new(
            @"^(?:share (?:this|on|via)(?: \S+){0,3}|follow us on .{1,40}|like us on facebook.*|tweet this|email this(?: article| story)?|print this (?:page|article|story))[.!]?$", Ci),
            "Share and follow buttons rendered as text."),

        // ---- copyright ----------------------------------------------------------------------------------------
        new("copyright", 40, Section.Footer, false, new(
            @"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|by\b)", Ci),
            "Copyright footers (\"Copyright 2019 … All rights reserved.\"); a year or \"by\" separates them from \"© Name\" photo credits."),
        new("copyright", 40, Section.Footer, false, new(
            @"\ball rights reserved\.?$", Ci),
            "Copyright footers that start with the owner's name."),
        new("copyright", 40, Section.Footer, false, new(
            @"^this material may not be (?:published|broadcast|rewritten|redistributed)", Ci),
            "The wire-service redistribution notice."),

        // ---- photo captions and credits ----------------------------------------------------------------------
        new("photo caption", 80, Section.None, false, new(
            @"^(?:photo|photograph|image|picture|file photo|pictured|above|top|main image|caption|photo illustration)\s*(?:credit)?\s*:", Ci),
            "Captions introduced by a label (\"Photo: …\", \"Pictured: …\")."),
        new("photo credit", 15, Section.None, false, new(
            @"^(?:photos?|images?|video)\s+(?:by|courtesy(?: of)?|credit)\b", Ci),
            "Credit lines (\"Photo by …\", \"Image courtesy of …\")."),
        new("photo credit", 10, Section.None, false, new(
            @"^(?:fotos?|bild|bildquelle|titelbild|fot\.|zdjęcie|crédits? photo|photo ?credit)\s*:\s*\S", Ci),
            "Credit lines labelled in German, Polish or French (\"Foto: Jane Doe\"); ten words at most, so a labelled caption sentence stays."),
        new("photo credit", 8, Section.None, false, new(
            @"^©\s*[^\d\s]", Cs),
            "\"© Name\" credits under images (a copyright line has a year and is matched above)."),
        new("photo caption", 80, Section.None, true, new(
            @"(?:^|[\s.(])(?i:photos?|photograph|image|credit)\s*[/:|]\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*/\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?\)?$", Cs),
            "Captions ending in a credit (\"… in Kansas City. PHOTO/Jane Doe\", \"(Photo: Jane Doe)\", \"… Photo: Jane Doe/Harbor Ledger\")."),
        new("photo caption", 80, Section.None, true, new(
            @"\b\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}\s*/\s*(?:Getty(?: Images)?|AFP|AP|Reuters|EPA(?:-EFE)?|Bloomberg|Shutterstock|ZUMA(?: Press| Wire)?|Zuma(?: Press| Wire)?|NurPhoto|Sipa(?: USA)?|Alamy|UPI|Anadolu(?: Agency)?|SOPA Images|LightRocket)(?:\s*(?:/|via)\s*[\p{L} -]{1,30})*\)?$", Cs),
            "Captions ending in a photographer/agency credit (\"… Jane Doe/Getty Images\", \"… Jane Doe/AFP via Getty Images\")."),
        new("photo caption", 80, Section.None, true, new(
            @"\((?:AP|AFP|Reuters|Getty Images|EPA)(?: Photo)?/[^)]{1,60}\)$|\(AP Photo\)$|\b(?:Getty Images|Shutterstock)$", Cs),
            "Wire-photo captions (\"… (AP Photo/Jane Doe)\")."),

        // ---- bylines and station sign-offs -------------------------------------------------------------------
        new("byline", 14, Section.None, true, new(
            @"^(?i:by)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|\band\b)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}){0,3}$", Cs),
            "Bylines (\"By Jane Doe, Harbor Ledger\"): who wrote it, not what happened; the outlet is read from it as metadata."),
        new("byline", 8, Section.None, true, new(
            @"^(?i:von|par|autor(?:in)?:|text:)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*(?:,|\bund\b|\bet\b)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}){0,2}$", Cs),
            "German and French bylines (\"Von Jane Doe\", \"Par Jane Doe\"): at least two capitalised words, so \"Von Berlin aus\" stays."),
        new("station promo", 16, Section.None, false, new(
            @"^(?:stay (?:with|tuned to)|keep it (?:with|on)|for the latest,? (?:stay with|follow|watch))\s.{1,60}\b(?:for (?:updates|the latest|more)|developing story)", Ci),
            "Broadcasters' sign-offs (\"Stay with KXRV News for updates on this developing story.\")."),

        // ---- social embeds -----------------------------------------------------------------------------------
        new("embed caption", 25, Section.None, false, new(
            $@"^(?:posted|shared) by .{{1,80}} on (?:(?:{Days}),? )?(?:{Months}) \d{{1,2}},? \d{{4}}$", Ci),
            "Facebook embed footers (\"Posted by Jane Doe on Monday, July 22, 2019\")."),
        new("embed caption", 30, Section.None, false, new(
            @"^[—–-]+\s*.{1,80}\(@\w{1,15}\)\s+\p{L}+ \d{1,2},? \d{4}$", Cs),
            "Tweet embed footers (\"— Jane Doe (@jdoe) July 22, 2019\")."),
        new("embed caption", 25, Section.None, false, new(
            @"^(?:a (?:post|video|photo) shared by .{1,80}|view this post on (?:instagram|facebook|twitter|x)|watch on youtube)$", Ci),
            "Instagram and video embed labels."),

        // ---- related links and link text ---------------------------------------------------------------------
        new("related links", 8, Section.Related, false, new(
            @"^(?:recommended(?: for you| stories| reading| videos?| articles)?|related(?: stories| articles| content| coverage| links| news| videos?| topics)?|more (?:stories|news|coverage|videos?|headlines)|you (?:may|might) (?:also )?like|editor['’]?s['’]? picks?|trending(?: now| stories| news)?|most (?:read|popular|viewed|shared)|top stories|also read|see also|read more|read next|up next|what to read next|don['’]?t miss|latest (?:news|stories|headlines)|popular (?:stories|now))[.:!]?$", Ci),
            "Headings of related-article boxes (\"Recommended for you\", \"Editor's pick\")."),
        new("related links", 8, Section.Related, false, new(
            @"^(?:about the author|(?:das )?könnte (?:sie|dich) auch interessieren|auch interessant|mehr zum thema|zum thema|weitere (?:artikel|beiträge|nachrichten|meldungen|themen)|lesen sie auch|lies auch|neueste (?:artikel|beiträge)|ähnliche (?:artikel|beiträge)|verwandte (?:artikel|beiträge)|weiterführende links|schon gelesen|beiträge zum thema|meist ?gelesen|empfohlene artikel|über (?:den autor|die autorin)|articles? (?:similaires|liés)|(?:à )?lire aussi|sur le même sujet|dans la même rubrique|zobacz (?:też|także)|czytaj (?:też|także)|podobne artykuły|polecamy|artículos relacionados|noticias relacionadas|leggi anche|articoli correlati)[.:!?]?$", Ci),
            "Related-article and author-box headings in German, French, Polish, Spanish and Italian (and \"About the author\"), the languages of the extraction set."),
        new("related links", 8, Section.Related, false, new(
            @"^(?i:more from) (?:the )?\p{Lu}[\p{L}\d.'’&-]*(?: \p{Lu}[\p{L}\d.'’&-]*){0,4}:?$", Cs),
            "\"More from <outlet or author>\" box headings; the name must be capitalised so \"More from the hearing …\" stays."),
        new("related links", 25, Section.None, false, new(
            @"^(?:read more|related|see also|also read|more|watch|read|listen|recommended)\s*:\s*\S.*[^.]$", Ci),
            "Inline \"READ MORE: <headline>\" links (a headline has no final period)."),
        new("link text", 25, Section.None, false, new(
            @"\bcan be (?:found|read|viewed|seen|watched|accessed|downloaded) (?:here|at this link|below|online here)\.?$", Ci),
            "\"… can be found here.\" sentences whose link is lost in plain text; they carry no fact of the story."),

        // ---- update notes and timestamps ---------------------------------------------------------------------
        new("update note", 60, Section.None, false, new(
            @"^(?:this|the) (?:article|story|post|report|piece|page) (?:has been|was|is being|will be|had been) (?:updated|corrected|amended|clarified)\b", Ci),
            "Editorial notes about the article itself, not the event."),
        new("update note", 80, Section.None, false, new(
            @"^(?:correction|clarification)\s*(?:\(\S+(?: \S+){0,4}\))?\s*:?\s+(?:an earlier|a previous|this (?:article|story)|an? (?:article|story))", Ci),
            "Correction notices (\"Correction: An earlier version of this story …\")."),
        new("update note", 12, Section.None, false, new(
            $@"^(?:updated|last updated|published|posted|first published)(?: on| at)?:?\s+(?:\d|(?:{Months}|{Days})\b|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? )[^.]{{0,60}}$", Ci),
            "Timestamp lines (\"Updated 10:04 AM EDT Jul 23, 2019\")."),

        // ---- page furniture ------------------------------------------------------------------------------------
        new("page furniture", 7, Section.None, false, new(
            @"^(?:advertisement|advertising|sponsored(?: content)?|(?:story|article) continues below(?: advertisement)?|continue reading(?: below| the main story)?|skip (?:to|this) (?:main )?(?:content|ad|video|navigation)|loading(?:\.{3}|…)?|ad|close|menu|search|share|print|email|listen to (?:this )?(?:article|story)(?: \d+ min(?:utes?)?)?|jump to comments|scroll to continue(?: with content)?)[.!]?$", Ci),
            "Buttons and ad labels that survive text export."),
    ];

    /// <summary>Comment-guideline shape: a short imperative heading, a period, an explanation ("Be Nice. No racism …").
    /// Only used for lines that already sit in a trailing comment section.</summary>
    public static readonly Regex RuleShape = new(@"^\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,3}[.!] \S", Cs);

    /// <summary>Bullet characters that open list items in exported text.</summary>
    public static bool IsBullet(ReadOnlySpan<char> trimmed) =>
        trimmed.Length > 1 && trimmed[0] is '•' or '·' or '▪' or '●' or '■' or '*' or '–' or '—' or '-' && char.IsWhiteSpace(trimmed[1]);

    /// <summary>The first rule that matches <paramref name="trimmed"/> (a line without surrounding white space) having
    /// <paramref name="words"/> words, or null.</summary>
    public static LineRule? Match(ReadOnlySpan<char> trimmed, int words)
    {
        if (trimmed.Length == 0) return null;
        bool unpunctuated = !EndsLikeSentence(trimmed);
        foreach (var rule in Rules)
        {
            if (words > rule.MaxWords) continue;
            if (rule.UnpunctuatedEnd && !unpunctuated) continue;
            if (rule.Pattern.IsMatch(trimmed)) return rule;
        }
        return null;
    }

    /// <summary>True when the line ends as body sentences do: a period, ?, !, colon, or a closing quote.</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> trimmed) =>
        trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':' or ';' or ',' or '"' or '”' or '’' or '\'' or '…';

    /// <summary>Number of white-space separated words, counted up to <paramref name="cap"/>.</summary>
    public static int CountWords(ReadOnlySpan<char> s, int cap = 1000)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { inWord = false; continue; }
            if (inWord) continue;
            inWord = true;
            if (++words >= cap) return words;
        }
        return words;
    }
}
