using System.Collections.Frozen;
using Parallax.Model;
using Parallax.Analysis.Text;

namespace Parallax.Analysis.Facts;

/// <summary>Whether a claim states the story's whole quantity, a part of it, a wider total, or another event's.</summary>
public enum ClaimScope : byte
{
    /// <summary>The story's own quantity: "three people were killed".</summary>
    Whole,
    /// <summary>A subset or an addition: "three other victims", "two more people", "including two children", "two of them".</summary>
    Part,
    /// <summary>A place or period wider than the story's event: "across Chicago this weekend", "this year".</summary>
    Roundup,
    /// <summary>A different event or time: "the 2008 raid", "last year", "in September".</summary>
    Background,
}

/// <summary>
/// What a claim measures, read from its words: <see cref="Noun"/> (the counted noun, normalised: "person" for people,
/// men, victims…; for other kinds the quantity's head), <see cref="Predicate"/> (what happened to it, filled in by the
/// caller from the outcome verb), whether that reading is <see cref="Strong"/> enough to call two different numbers a
/// disagreement, the holder's noun phrase when the words give one ("a 12-year-old girl" → "girl"), and its scope.
/// </summary>
public readonly record struct ClaimMeaning(string Noun, bool Strong, string? HolderNoun, ClaimScope Scope, string? Modifier)
{
    /// <summary>A part picked out of a named group ("eight of the jurors", "two of them", "17 of the hijacked ships"):
    /// which members are meant is open, so two such parts never contradict each other or the whole.</summary>
    public bool Partitive { get; init; }

    /// <summary>A verb before the number names what it measures, tied by "for" ("locked down for almost three hours",
    /// "deliberated for 40 hours"); a sentence opening "For about 40 minutes, …" ties nothing.</summary>
    public bool TiedHead { get; init; }

    // Nouns that name people in general: "five people", "two men", "three victims" count the same thing.
    private static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>
    {
        ["person"] = "person", ["people"] = "person", ["persons"] = "person", ["man"] = "person", ["men"] = "person",
        ["woman"] = "person", ["women"] = "person", ["individual"] = "person", ["victim"] = "person", ["civilian"] = "person",
        ["villager"] = "person", ["resident"] = "person", ["adult"] = "person", ["passenger"] = "passenger",
        ["commuter"] = "passenger", ["rider"] = "passenger", ["follower"] = "member", ["member"] = "member",
        ["crewman"] = "crew", ["crewmen"] = "crew", ["crew"] = "crew", ["crew member"] = "crew", ["sailor"] = "crew", ["seaman"] = "crew", ["seamen"] = "crew",
        ["worker"] = "worker", ["employee"] = "worker", ["staff"] = "worker", ["coworker"] = "worker", ["co-worker"] = "worker",
        ["suspect"] = "suspect", ["pirate"] = "pirate", ["brigand"] = "pirate", ["raider"] = "pirate",
        ["kid"] = "child", ["child"] = "child", ["children"] = "child",
        ["officer"] = "officer", ["cop"] = "officer", ["policeman"] = "officer", ["policemen"] = "officer",
        ["charge"] = "count", ["count"] = "count",
        // Heads of durations and other measures that name one activity: "negotiated for 25 minutes", "talked for 20".
        ["negotiate"] = "talk", ["negotiation"] = "talk", ["talk"] = "talk", ["speak"] = "talk", ["discuss"] = "talk",
        ["last"] = "last", ["standoff"] = "last", ["deliberate"] = "deliberation", ["deliberation"] = "deliberation",
        ["wounded"] = "injured", ["injured"] = "injured", ["hurt"] = "injured",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // The words that normalise to each measure noun, other than the noun itself.
    private static readonly FrozenDictionary<string, string[]> KeysOf = Synonyms.Where(p => p.Key != p.Value).GroupBy(p => p.Value, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray(), StringComparer.Ordinal);

    // Counted nouns too general to show that two counts are one quantity ("five people" here and "two people" there).
    private static readonly FrozenSet<string> Generic = new[]
    {
        "person", "time", "thing", "other", "one", "year", "day", "mile", "kilometre", "kilometer", "foot", "feet", "metre", "meter",
        "yard", "dollar", "euro", "pound", "unit", "item", "place",
    }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] For = ["for"];
    private static readonly string[] PartBefore = ["other", "more", "another", "additional", "remaining", "including", "further", "extra"];
    private static readonly string[] PartitiveAfter = [" of them", " of whom", " of those", " of which"];
    private static readonly string[] AgeThen = [" at the time", " then", " when "];
    private static readonly string[] RoundupCues =
    [
        "this year", "so far", "this weekend", "this month", "since the start", "since january", "nationwide", "across the country",
        "in recent months", "in recent weeks", "this season", "a year", "per year", "each year", "every year", "annually", "in total this",
    ];
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] BackgroundCues =
    [
        "last year", "last month", "previous", "earlier this year", "in the past", "years ago", "was hit by", "the same island was hit",
        "the last major", "history", "prior ", "in september", "in october", "in february", "in december", "in january", "in march",
        "in april", "in may", "in june", "in july", "in august", "in november",
        .. MonthNames.SelectMany(m => new[] { "in early " + m, "in late " + m, "in mid-" + m }),
    ];

    /// <summary>Reads the claim's noun, holder and scope from at most ~120 characters around it (linear per claim).</summary>
    public static ClaimMeaning Read(string text, TextSpan sentence, in Quantity q, bool noHead)
    {
        var span = text.AsSpan(q.Start, q.End - q.Start);
        int from = Math.Max(sentence.Start, q.Start - 120), to = Math.Min(sentence.End, q.End + 120);
        var window = text.AsSpan(from, to - from);
        var before = text.AsSpan(Math.Max(sentence.Start, q.Start - 40), q.Start - Math.Max(sentence.Start, q.Start - 40));
        var after = text.AsSpan(q.End, Math.Min(sentence.End, q.End + 24) - q.End);

        string noun;
        string? holder = null, modifier = null;
        bool strong, tied = false;
        switch (q.Kind)
        {
            case QuantityKind.Count:
                noun = Normal(q.Unit);
                modifier = CapitalModifier(span);
                if (modifier is not null) noun = modifier + " " + noun;
                strong = !Generic.Contains(noun) || q.About != q.Unit && !noHead;
                if (q.Unit == "time") { noun = q.About == "time" ? "time" : q.About + ":times"; strong = q.About != "time"; }
                break;
            case QuantityKind.Age:
                noun = "age";
                holder = q.About is "age" or "year" ? null : Normal(q.About);
                // The holder is the noun the age describes ("a 12-year-old girl", "61-year-old Vancouver man"), not a
                // head read further on ("a 66-year-old woman near the hotel" is no "near"); a person in general says
                // nothing about which person, so it is left open.
                if (holder is not null && (holder == "person" || !NounFollows(after, holder))) holder = null;
                strong = holder is not null;
                break;
            default:
                noun = Synonyms.TryGetValue(q.About, out var same) ? same : q.About;
                // Only "negotiated for 25 minutes", "locked down for three hours" tie a verb to the time it lasted; other
                // heads ("after about 20 minutes, an agent breaks the window") are read loosely and prove little.
                strong = !noHead && EndsWithWord(before, For);
                int wide = Math.Max(sentence.Start, q.Start - 72);
                tied = strong && PastTense(text.AsSpan(wide, q.Start - wide).TrimEnd()[..^3], q.About);
                break;
        }

        var scope = ClaimScope.Whole;
        bool partitive = StartsWithAny(after, PartitiveAfter) || q.Kind == QuantityKind.Count
            && (span.Contains(" of the ", StringComparison.OrdinalIgnoreCase) || WholeOfPartitive(before));
        if (q.Kind == QuantityKind.Age)
        {
            // A person's age is read at the report's time whatever else the sentence dates ("Nichols, 37, was found
            // guilty last month"); only an age tied to another time is background ("who was 18 at the time").
            if (StartsWithAny(after, AgeThen) || ThenBefore(before)) scope = ClaimScope.Background;
        }
        else if (partitive || EndsWithWord(before, PartBefore) && !span.StartsWith("than", StringComparison.OrdinalIgnoreCase) || ContainsWord(span, PartBefore)
                 || q.Kind == QuantityKind.Money && ShareOf(before))
            scope = ClaimScope.Part;
        else if (ContainsAny(window, RoundupCues) || RunningTotal(before) || AsOf(text, sentence.Start, from, to, q)) scope = ClaimScope.Roundup;
        else if (OwnAgo(q, after) is int ago
                 ? ContainsAny(text.AsSpan(from, q.Start - from), BackgroundCues) || ContainsAny(text.AsSpan(ago, Math.Max(ago, to) - ago), BackgroundCues)
                 : ContainsAny(window, BackgroundCues))
            scope = ClaimScope.Background;
        return new ClaimMeaning(noun, strong, holder, scope, modifier) { Partitive = partitive, TiedHead = tied };
    }

    /// <summary>"the country's share of the bailout, 22 billion euros": a sum named as one party's share of a larger one is a
    /// part of it, never a rival figure for the whole or for another sum of the story.</summary>
    private static bool ShareOf(ReadOnlySpan<char> before) => ContainsPhrase(before, "share of ");

    private static readonly char[] ClauseMarks = [',', ';', '(', ')', '\u2014'];

    /// <summary>"… cast their ballots as of 4:00 p.m.", "As of 4 p.m., 300 people had voted": a figure given as of a moment
    /// is a tally at that moment, like "so far". The "as of" must date the figure's own clause (between the clause marks
    /// around it, or fronted before the sentence's first comma): "The firm, which as of 2015 employed 300 people, said 12
    /// workers were hurt" dates another clause.</summary>
    private static bool AsOf(string text, int sentenceStart, int from, int to, in Quantity q)
    {
        var left = text.AsSpan(from, q.Start - from);
        int cut = left.LastIndexOfAny(ClauseMarks);
        int stop = text.AsSpan(q.End, to - q.End).IndexOfAny(ClauseMarks);
        int clauseStart = from + cut + 1, clauseEnd = stop < 0 ? to : q.End + stop;
        if (ContainsPhrase(text.AsSpan(clauseStart, clauseEnd - clauseStart), "as of ")) return true;
        if (cut < 0) return false;
        var lead = text.AsSpan(sentenceStart, from + cut - sentenceStart).TrimStart();
        return lead.StartsWith("as of ", StringComparison.OrdinalIgnoreCase) && lead.Length <= 40 && lead.IndexOfAny(ClauseMarks) < 0;
    }

    /// <summary>The phrase at the start of a word anywhere in the span ("as of", not "was of"; "share of", not "timeshare of"):
    /// each hit inside a longer word moves on to the next.</summary>
    private static bool ContainsPhrase(ReadOnlySpan<char> s, string phrase)
    {
        int at = s.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            if (at == 0 || !char.IsLetter(s[at - 1])) return true;
            int next = s[(at + 1)..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static readonly string[] RunningCues = ["now has", "now have", "has now", "have now"];

    /// <summary>"who now has 2,302 points", "Hansbrough has now 2,301": a tally at the moment of writing, in an event or a
    /// career still running, like "so far": reports written at different moments give different tallies, and none is
    /// the final figure.</summary>
    private static bool RunningTotal(ReadOnlySpan<char> before)
    {
        var b = before.TrimEnd();
        foreach (var cue in RunningCues)
            if (b.EndsWith(cue, StringComparison.OrdinalIgnoreCase) && (b.Length == cue.Length || !char.IsLetter(b[^(cue.Length + 1)])))
                return true;
        return false;
    }

    /// <summary>"then-15-year-old Timmons", "was then 15": an age at an earlier time than the report's.</summary>
    private static bool ThenBefore(ReadOnlySpan<char> before)
    {
        var b = before.TrimEnd();
        if (b.EndsWith('-')) b = b[..^1].TrimEnd();
        int sp = b.LastIndexOf(' ');
        return (sp < 0 ? b : b[(sp + 1)..]).Equals("then", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"41 years ago": a duration counted back from the report is how long ago, not a sign that its sentence tells
    /// an earlier event, so its own "ago" is no background cue (other cues around it still are). Returns where the text
    /// after "ago" starts, or null when no "ago" follows the duration.</summary>
    private static int? OwnAgo(in Quantity q, ReadOnlySpan<char> after)
    {
        if (q.Kind != QuantityKind.Duration) return null;
        var rest = after.TrimStart();
        if (!rest.StartsWith("ago", StringComparison.OrdinalIgnoreCase) || rest.Length > 3 && char.IsLetter(rest[3])) return null;
        return q.End + (after.Length - rest.Length) + 3;
    }

    /// <summary>The claim is the whole of a partitive: "two of the three victims died", "all of the five men": the count
    /// before "of (the)" is what the verb tells of, so the whole stands on neither side of a dispute.</summary>
    private static bool WholeOfPartitive(ReadOnlySpan<char> before)
    {
        var b = before.TrimEnd();
        if (b.EndsWith(" the", StringComparison.OrdinalIgnoreCase)) b = b[..^4].TrimEnd();
        if (!b.EndsWith(" of", StringComparison.OrdinalIgnoreCase)) return false;
        b = b[..^3].TrimEnd();
        int sp = b.LastIndexOf(' ');
        var w = sp < 0 ? b : b[(sp + 1)..];
        if (w.IsEmpty) return false;
        if (char.IsAsciiDigit(w[0]) || w.Equals("all", StringComparison.OrdinalIgnoreCase) || w.Equals("both", StringComparison.OrdinalIgnoreCase)
            || w.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        var l = QuantityLexicon.Get(w);
        return l.Is(WordClass.Cardinal) && !l.Is(WordClass.Scale);
    }

    /// <summary>True when a word of the sentence is a form of the normal measure noun or of one of its synonyms
    /// ("negotiated", "talked" for "talk"; "locked" for "lock"): a word starting with the key, its final "e" dropped.</summary>
    public static bool Names(ReadOnlySpan<char> sentence, string noun)
    {
        if (Forms(sentence, noun)) return true;
        if (KeysOf.TryGetValue(noun, out var keys))
            foreach (var key in keys)
                if (Forms(sentence, key)) return true;
        return false;

        static bool Forms(ReadOnlySpan<char> s, string key)
        {
            var stem = key.Length > 4 && key[^1] == 'e' ? key.AsSpan(0, key.Length - 1) : key.AsSpan();
            if (stem.Length < 3) return false;
            foreach (var range in s.Split(' '))
                if (s[range].StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    /// <summary>The normal form of a counted noun: "victims" → "person", "crewmen" → "crew", "boats" → "boat".</summary>
    public static string Normal(string noun)
    {
        if (Synonyms.TryGetValue(noun, out var s)) return s;
        var singular = Lemmas.Singular(noun);
        return Synonyms.TryGetValue(singular, out var t) ? t : singular;
    }

    /// <summary>A capitalised word or a model code between the number and its noun, not after "and": "11 Yemeni pirates" →
    /// "yemeni", "seven AK-47 assault rifles" → "ak-47" (a subset), but "23 Somali and Yemeni pirates" is the whole.</summary>
    private static string? CapitalModifier(ReadOnlySpan<char> span)
    {
        if (span.Contains(" and ", StringComparison.OrdinalIgnoreCase) || span.Contains(" or ", StringComparison.OrdinalIgnoreCase)) return null;
        int first = span.IndexOf(' ');
        int last = span.LastIndexOf(' ');
        if (first < 0 || last <= first) return null;
        var middle = span[(first + 1)..last];
        while (!middle.IsEmpty)
        {
            int sp = middle.IndexOf(' ');
            var w = sp < 0 ? middle : middle[..sp];
            if (w.Length > 2 && char.IsUpper(w[0]) && (char.IsLower(w[^1]) || QuantityExtractor.ModelCode(w) is not null)
                && !QuantityLexicon.Get(w).Is(WordClass.Cardinal))
                return w.ToString().ToLowerInvariant();
            if (sp < 0) break;
            middle = middle[(sp + 1)..];
        }
        return null;
    }

    /// <summary>The noun (normal form) is the first word after the number, or the second after a capitalised one
    /// ("66-year-old Burnsville woman"); not a word further on ("66-year-old woman outside").</summary>
    private static bool NounFollows(ReadOnlySpan<char> after, string noun)
    {
        int seen = 0;
        foreach (var range in after.Split(' '))
        {
            var w = after[range];
            if (w.IsEmpty || w is "-" or "'s") continue;
            if (Normal(w.ToString().ToLowerInvariant()) == noun) return true;
            if (++seen >= 2 || !char.IsUpper(w[0])) return false;
        }
        return false;
    }

    /// <summary>A past-tense form of the head among the words: "locked", "deliberated" (not "officers").</summary>
    private static bool PastTense(ReadOnlySpan<char> s, string head)
    {
        if (head.Length < 3) return false;
        foreach (var range in s.Split(' '))
        {
            var w = s[range];
            if (w.Length > head.Length && w.StartsWith(head, StringComparison.OrdinalIgnoreCase) && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> s, string[] words)
    {
        s = s.TrimEnd();
        int sp = s.LastIndexOf(' ');
        var last = sp < 0 ? s : s[(sp + 1)..];
        foreach (var w in words) if (last.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>One of the words inside the span, not as a qualifier ("more than 10 times" is not a part).</summary>
    private static bool ContainsWord(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            int i = s.IndexOf(w, StringComparison.OrdinalIgnoreCase);
            if (i > 0 && s[i - 1] == ' ' && (i + w.Length == s.Length || s[i + w.Length] == ' ')
                && !s[(i + w.Length)..].StartsWith(" than", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> s, string[] cues)
    {
        foreach (var c in cues) if (s.StartsWith(c, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, string[] cues)
    {
        foreach (var c in cues) if (s.Contains(c, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
