using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Citations;

/// <summary>
/// Finds credits a document gives: "NBC News reported", "according to ICE", "told NBC News", "in a statement to Newsweek",
/// "a statement by ICE spokesman Shawn Neudauer". The credited name is a named mention next to the cue phrase; the kind
/// (outlet, agency, person) comes from the mention's type and newsroom words in the name.
/// </summary>
public static class CitationFinder
{
    /// <summary>Verbs that credit the subject's reporting ("NBC News reported").</summary>
    private static readonly FrozenSet<string> ReportVerbs = new[]
    {
        "reported", "reports", "first reported", "published", "revealed", "obtained", "broke",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportVerbsLookup = ReportVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that mark a news organisation's name (mastheads and broadcasters).</summary>
    private static readonly FrozenSet<string> OutletWords = new[]
    {
        "News", "Times", "Post", "Tribune", "Journal", "Herald", "Gazette", "Ledger", "Wire", "Press", "Radio", "Magazine",
        "Newsweek", "Hill", "Reuters", "AP", "Associated", "CNN", "NBC", "CBS", "ABC", "Fox", "NPR", "BBC", "Bloomberg",
        "Politico", "Axios", "Star", "Chronicle", "Observer", "Guardian", "Telegraph", "Examiner", "Courier", "Sun",
        "Daily", "Weekly", "Today", "Report", "Bulletin", "Dispatch", "Sentinel", "Register", "Review", "Insider",
        "Network", "Television", "TV", "Channel", "Broadcasting", "Media",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<Citation> Find(Document doc)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var mentions = doc.Entities;
        var result = new List<Citation>();
        var own = doc.Metadata.Outlet?.Value;
        foreach (var m in mentions)
        {
            if (m.Type is EntityType.Place) continue;
            int first = doc.TokenAtOrAfter(m.Start);
            int last = doc.TokenAtOrAfter(m.End) - 1;
            if (first >= tokens.Length || last < first) continue;
            // A statute or code ("Title 8 United States Code Section 1357") is read, not relied on as a source; an
            // outlet naming itself ("a statement to The Hill" in The Hill) credits nobody else.
            if (IsLegalReference(text, tokens, first, last) || own is not null && SameOutlet(doc.Slice(m.Span), own)) continue;

            // "NBC News reported" / "ICE confirmed to"
            if (last + 1 < tokens.Length && ReportVerbsLookup.Contains(Word(text, tokens[last + 1])))
            {
                result.Add(Make(doc, m, new TextSpan(m.Start, tokens[last + 1].End)));
                continue;
            }
            // "according to ICE", "told NBC News", "a statement to The Hill", "a request from Newsweek",
            // "a statement by ICE spokesman Shawn Neudauer", "talked to Shawn Neudauer".
            if (PhraseBefore(text, tokens, first, m) is { } start)
                result.Add(Make(doc, m, new TextSpan(start, m.End)));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private static int? PhraseBefore(string text, IReadOnlyList<Token> tokens, int first, EntityMention m)
    {
        if (first < 1) return null;
        // "according to the Coast Guard": a determiner before the name belongs to the phrase.
        if (Word(text, tokens[first - 1]) is "the" or "a" or "an" && first >= 2) first--;
        var w1 = Word(text, tokens[first - 1]);
        var w2 = first >= 2 ? Word(text, tokens[first - 2]) : default;
        var w3 = first >= 3 ? Word(text, tokens[first - 3]) : default;
        // Skip a role between the cue and a person: "a statement by ICE spokesman Shawn Neudauer".
        if (m.Type == EntityType.Person && m.Title is not null && first >= 3 && char.IsLower(text[tokens[first - 1].Start]))
        {
            int k = first - 1;
            while (k > 0 && k > first - 4 && tokens[k].Kind == TokenKind.Word && !IsCueWord(Word(text, tokens[k]))) k--;
            if (k >= 0 && IsCueWord(Word(text, tokens[k]))) return CueStart(text, tokens, k);
        }
        if (w1.SequenceEqual("to") && w2.Equals("according", StringComparison.OrdinalIgnoreCase)) return tokens[first - 2].Start;
        if (w1.SequenceEqual("told") && m.Type == EntityType.Org) return tokens[first - 1].Start;
        if ((w1.SequenceEqual("to") || w1.SequenceEqual("from") || w1.SequenceEqual("by") || w1.SequenceEqual("with"))
            && (w2.SequenceEqual("statement") || w2.SequenceEqual("request") || w2.SequenceEqual("interview") || w2.SequenceEqual("talked")
                || w2.SequenceEqual("spoke") || w2.SequenceEqual("email") || w2.SequenceEqual("spoken")))
            return w3.IsEmpty || !(w3.SequenceEqual("a") || w3.SequenceEqual("an") || w3.SequenceEqual("the")) ? tokens[first - 2].Start : tokens[first - 3].Start;
        if (w1.SequenceEqual("to") && w2.SequenceEqual("statement") && w3.SequenceEqual("a")) return tokens[first - 3].Start;
        return null;
    }

    private static bool IsCueWord(ReadOnlySpan<char> w) => w is "by" or "to" or "from";

    private static int CueStart(string text, IReadOnlyList<Token> tokens, int k)
    {
        // Include "a statement" before "by": "a statement by …"
        if (k >= 2 && Word(text, tokens[k - 1]) is "statement" or "request" or "interview") return tokens[Word(text, tokens[k - 2]) is "a" or "an" or "the" ? k - 2 : k - 1].Start;
        return tokens[k].Start;
    }

    private static Citation Make(Document doc, EntityMention m, TextSpan span)
    {
        var name = doc.Slice(m.Span);
        // "a KCPD sergeant": a name that qualifies a role is the agency the reporter reached, whatever its letters.
        var kind = m.Type == EntityType.Person ? CitationKind.Person
            : IsOutlet(name) && !QualifiesRole(doc, m) ? CitationKind.Outlet : CitationKind.Agency;
        return new Citation(span.Start, span.End, name, kind);
    }

    /// <summary>Role nouns a name can qualify ("a KCPD sergeant", "an ICE spokesman").</summary>
    private static readonly FrozenSet<string> RoleNouns = new[]
    {
        "sergeant", "officer", "officers", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "detective",
        "deputy", "trooper", "agent", "agents", "representative", "director", "chief", "captain", "lieutenant", "commander",
        "investigator", "investigators", "employee", "staffer", "source", "sources",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNounsLookup = RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool QualifiesRole(Document doc, EntityMention m)
    {
        int next = doc.TokenAtOrAfter(m.End);
        return next < doc.Tokens.Length && doc.Tokens[next].Start - m.End <= 1
               && RoleNounsLookup.Contains(Word(doc.Text, doc.Tokens[next]));
    }

    private static readonly FrozenSet<string> LegalWords = new[]
    {
        "Code", "Section", "Statute", "Statutes", "U.S.C.", "USC", "Chapter", "Article", "Amendment", "Regulation",
        "Regulations", "Act",
    }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalWordsLookup = LegalWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A law, code or section: the name or the four words after it hold a legal word, or it is "Title",
    /// "Section" or "Chapter" followed by a number.</summary>
    private static bool IsLegalReference(string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        var head = Word(text, tokens[first]);
        if (head is "Title" or "Section" or "Chapter" or "Article" && first + 1 < tokens.Count && tokens[first + 1].Kind == TokenKind.Number) return true;
        for (int k = first; k < tokens.Count && k <= last + 4; k++)
        {
            if (k > last && tokens[k].Kind is not (TokenKind.Word or TokenKind.Number)) break;
            if (LegalWordsLookup.Contains(Word(text, tokens[k]))) return true;
        }
        return false;
    }

    /// <summary>Whether a cited name is the document's own outlet: equal after a leading "The" and case, or one the other
    /// followed by more words ("KCTV5" in KCTV5 News).</summary>
    internal static bool SameOutlet(string cited, string own)
    {
        static ReadOnlySpan<char> Core(string s)
        {
            var span = s.AsSpan().Trim();
            return span.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? span[4..] : span;
        }
        var a = Core(cited);
        var b = Core(own);
        if (a.IsEmpty || b.IsEmpty) return false;
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        var shorter = a.Length < b.Length ? a : b;
        var longer = a.Length < b.Length ? b : a;
        return longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase) && longer[shorter.Length] == ' ';
    }

    /// <summary>An organisation name that is a news outlet: a masthead word, or broadcast call letters (KCTV5, WGN).</summary>
    public static bool IsOutlet(string name)
    {
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OutletWords.Contains(part)) return true;
            if (part.Length is >= 3 and <= 6 && part[0] is 'K' or 'W' && part.All(c => char.IsUpper(c) || char.IsDigit(c))) return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
}
