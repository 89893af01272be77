using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Decoding;
using Parallax.Model;

namespace Parallax.Ingest.Metadata;

/// <summary>
/// Reads what plain article text says about itself: a title (a heading-like first line), a publication date
/// (a "date YYYY-MM-DD" header), and the outlet (a wire dateline "CITY (KCTV) --", or the outlet the text refers
/// to as itself: "in a statement to Newsweek", "KCTV5 News talked to"). An outlet the text credits for someone else's
/// reporting ("NBC News reported", "according to NBC News") is never taken. When there is no evidence the field
/// stays null: guessing would put a wrong outlet in the report. Pure, and linear in the length of the text.
/// </summary>
public sealed class TextMetadataExtractor
{
    /// <summary>A shared instance (the extractor holds no state).</summary>
    public static TextMetadataExtractor Default { get; } = new();

    /// <summary>Titles are short: the longest headline in a large news corpus is well under 200 characters.</summary>
    public const int MaxTitleLength = 200;

    private const int MaxTitleWords = 30;
    /// <summary>Leading boilerplate lines skipped to reach the headline (a caption or a promo may sit above it).</summary>
    private const int MaxLeadingSkips = 5;
    /// <summary>A dateline opens the story, so only the first few content lines are tested.</summary>
    private const int DatelineLines = 3;

    private const RegexOptions Cs = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    // Up to five capitalised words ("The", "KCTV5", "Newsweek.com", "Journal-Constitution"), separated by spaces only,
    // so a name never runs across a line.
    private const string Name = @"(?<name>(?:The[ \u00A0]+)?[\p{Lu}\d][\p{L}\d&'’-]*(?:\.[\p{L}\d]+)*(?:[ \u00A0]+[\p{Lu}\d][\p{L}\d&'’-]*(?:\.[\p{L}\d]+)*){0,3})";

    /// <summary>Cue before the name. strong: the outlet asked or was answered ("a statement to X", "a request from X");
    /// weak: "told X" (also used when citing another outlet's interview); negative: crediting another outlet.</summary>
    private static readonly Regex ForwardFrames = new(
        @"\b(?:(?<strong>(?i:statements? (?:provided |sent |emailed |given )?to|requests? (?:for comment )?from|inquir(?:y|ies) from|(?:reached|contacted|asked) by|confirmed to|in an email to))"
        + @"|(?<weak>(?i:told|speaking (?:to|with)|(?:in )?an interview with))"
        + @"|(?<neg>(?i:according to|(?:first |originally |as )?reported by|citing|cited by|per|via|(?:a |in a )?report (?:by|from)|reporting (?:by|from))))[ \u00A0]+"
        + Name, Cs);

    /// <summary>Cue after the name: "KCTV5 News talked to …" (strong), "NBC News reported" (negative).</summary>
    private static readonly Regex BackwardFrames = new(
        Name + @"[ \u00A0]+(?:(?<strong>(?i:talked (?:to|with)|spoke (?:to|with)|reached out|has reached out|contacted|has contacted|has asked|asked))"
        + @"|(?<neg>(?i:(?:first |previously |originally |also |has |had )?reported|reports|was (?:the )?first to report))\b)", Cs);

    /// <summary>"KANSAS CITY, MO (KCTV) --", "WASHINGTON, Mo. (AP) —", "(CNN) —". The place starts with a word in
    /// capitals, as datelines do, so "Rep. Jane Doe (D-Mo.) -" at the start of a line is not one.</summary>
    private static readonly Regex Dateline = new(
        @"^(?:\p{Lu}[\p{Lu}.'’-]+(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,5}[ ,]*)?\((?<o>[\p{L}\d][\p{L}\d .&'’-]{1,38})\)[ \u00A0]*(?:--|—|–|-|:)", Cs);

    /// <summary>A dateline without an outlet ("KANSAS CITY – …"); such a line opens a story, it is not a title.</summary>
    private static readonly Regex BareDateline = new(@"^\p{Lu}[\p{Lu} .,'’]{2,40}[ \u00A0]*(?:--|—|–)", Cs);

    /// <summary>A sentence end inside a line ("… in Kansas City. PHOTO/…"): a headline holds one sentence.</summary>
    private static readonly Regex InnerSentenceEnd = new(@"\p{Ll}{2}[.!?][""”’]?[ \u00A0]+[\p{Lu}""“]", Cs);

    /// <summary>Function words that stay lower case in Title Case headlines.</summary>
    private static readonly FrozenSet<string> SmallWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as",
        "vs", "vs.", "via", "into", "over", "after", "before", "is", "are", "was", "be");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWordsBySpan =
        SmallWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Extracts metadata from raw or cleaned article text (a header and boilerplate above the headline are
    /// recognised and skipped).</summary>
    public DocumentMetadata Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = TextDecoder.NormalizeNewlines(text);
        var lead = ReadLead(text);
        return new DocumentMetadata
        {
            Title = lead.Title is null ? null : new Sourced<string>(lead.Title, MetadataSource.Header),
            Published = lead.Date is { } d ? new Sourced<DateOnly>(d, MetadataSource.Header) : null,
            Outlet = FindOutlet(text, lead.DatelineOutlet) ?? (lead.BylineOutlet is { } b ? new Sourced<string>(b, MetadataSource.Byline) : null),
        };
    }

    private readonly record struct Lead(string? Title, DateOnly? Date, string? DatelineOutlet, string? BylineOutlet);

    /// <summary>Words after a byline's comma that describe the writer, not the outlet ("By Jane Doe, Staff Writer").</summary>
    private static readonly FrozenSet<string> BylineRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "intern", "producer",
        "special", "senior", "chief", "political", "investigative", "photographer", "anchor", "and");

    /// <summary>"By Nadia Ferreira-Holt, Harbor Ledger" → "Harbor Ledger": the last comma part of a byline, unless it
    /// describes the writer.</summary>
    private static string? OutletFromByline(ReadOnlySpan<char> line)
    {
        int comma = line.LastIndexOf(',');
        if (comma < 0) return null;
        var tail = line[(comma + 1)..].Trim();
        if (tail.IsEmpty) return null;
        foreach (var range in tail.Split(' '))
            if (BylineRoles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tail[range])) return null;
        return tail.ToString();
    }

    /// <summary>Reads the first lines: header date, headline, dateline.</summary>
    private static Lead ReadLead(string text)
    {
        string? title = null, datelineOutlet = null, bylineOutlet = null;
        DateOnly? date = null;
        int nonBlank = 0, skipped = 0, content = 0;
        bool lookingForTitle = true;
        int pos = 0;
        while (pos < text.Length && content < DatelineLines)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(pos, end - pos).Trim();
            pos = end + 1;
            if (line.IsEmpty) continue;

            if (nonBlank++ < TextHeader.MaxHeaderLines && TextHeader.TryParse(line, out var d, out _, out int restStart))
            {
                date ??= d;
                line = line[restStart..].Trim();
                if (line.IsEmpty) continue;
            }
            int words = BoilerplateRules.CountWords(line);
            if (BoilerplateRules.Match(line, words) is { } rule)
            {
                if (rule.Reason == "byline") bylineOutlet ??= OutletFromByline(line);
                if (++skipped > MaxLeadingSkips) break;
                continue;
            }
            content++;

            if (datelineOutlet is null && Dateline.Match(line.ToString()) is { Success: true } m)
                datelineOutlet = m.Groups["o"].Value.Trim();

            if (lookingForTitle)
            {
                lookingForTitle = false;
                var candidate = StripMarkdownHeading(line);
                if (IsHeadingLike(candidate, words) && (IsTitleCase(candidate) || StandsAlone(text, pos)))
                    title = candidate.ToString();
            }
        }
        return new Lead(title, date, datelineOutlet, bylineOutlet);
    }

    private static ReadOnlySpan<char> StripMarkdownHeading(ReadOnlySpan<char> line)
    {
        int hashes = 0;
        while (hashes < line.Length && hashes < 6 && line[hashes] == '#') hashes++;
        return hashes > 0 && hashes < line.Length && line[hashes] == ' ' ? line[(hashes + 1)..].Trim() : line;
    }

    /// <summary>A headline: short, one sentence, no closing punctuation, starts like a name or a number, not a dateline.</summary>
    private static bool IsHeadingLike(ReadOnlySpan<char> line, int words)
    {
        if (line.Length is < 3 or > MaxTitleLength || words is < 2 or > MaxTitleWords) return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '“' or '\'' or '‘')) return false;
        if (line[^1] is '.' or ',' or ';' or ':' or '…') return false;
        if (line[^1] is '"' or '”' or '’' && line.Length > 1 && line[^2] is '.' or ',') return false;
        var s = line.ToString();
        return !Dateline.IsMatch(s) && !BareDateline.IsMatch(s) && !InnerSentenceEnd.IsMatch(s);
    }

    /// <summary>Title Case: most words other than short function words start with a capital.</summary>
    private static bool IsTitleCase(ReadOnlySpan<char> line)
    {
        int content = 0, capitalised = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim("\"“”‘’'(");
            if (word.IsEmpty || !char.IsLetter(word[0])) continue;
            if (SmallWordsBySpan.Contains(word)) continue;
            content++;
            if (char.IsUpper(word[0])) capitalised++;
        }
        // 0.7: a sentence with a few names stays below it; a headline in Title Case is at ~1.0.
        return content >= 2 && capitalised >= content * 0.7;
    }

    /// <summary>A sentence-case headline is accepted when it is its own paragraph: followed by a blank line, the end,
    /// or a boilerplate line (a photo credit under the headline).</summary>
    private static bool StandsAlone(string text, int next)
    {
        if (next >= text.Length) return true;
        int end = text.IndexOf('\n', next);
        if (end < 0) end = text.Length;
        var line = text.AsSpan(next, end - next).Trim();
        return line.IsEmpty || BoilerplateRules.Match(line, BoilerplateRules.CountWords(line)) is not null;
    }

    /// <summary>How often one outlet name occurs in each kind of frame.</summary>
    private sealed class Evidence(string name)
    {
        public string Name { get; } = name;
        public int Strong, Weak, Negative;
        public int Score => Strong * 2 + Weak;
    }

    /// <summary>Self-reference frames decide; a dateline is used when there are none, or when the self-referenced
    /// name extends it ("KCTV" in the dateline, "KCTV5 News" in the text: the fuller name wins).</summary>
    private static Sourced<string>? FindOutlet(string text, string? datelineOutlet)
    {
        var evidence = new List<Evidence>();
        foreach (Match m in ForwardFrames.Matches(text))
        {
            var kind = m.Groups["strong"].Success ? 0 : m.Groups["weak"].Success ? 1 : 2;
            Record(evidence, m.Groups["name"].Value, trimLeading: false, kind);
        }
        foreach (Match m in BackwardFrames.Matches(text))
        {
            var kind = m.Groups["strong"].Success ? 0 : 2;
            Record(evidence, m.Groups["name"].Value, trimLeading: true, kind);
        }
        MergePrefixes(evidence);

        Evidence? best = null;
        bool tie = false;
        foreach (var e in evidence)
        {
            if (e.Negative > 0 || evidence.Any(o => o.Negative > 0 && Related(o.Name, e.Name))) continue;
            if (e.Strong == 0 && e.Weak < 2) continue; // one "told X" is as often a citation as a self-reference
            if (best is null || e.Score > best.Score) { best = e; tie = false; }
            else if (e.Score == best.Score) tie = true;
        }
        if (tie) best = null; // two outlets with equal evidence: do not guess

        if (datelineOutlet is not null)
        {
            if (best is not null && best.Name.StartsWith(datelineOutlet, StringComparison.OrdinalIgnoreCase))
                return new Sourced<string>(best.Name, MetadataSource.SelfReference);
            return new Sourced<string>(datelineOutlet, MetadataSource.Dateline);
        }
        return best is null ? null : new Sourced<string>(best.Name, MetadataSource.SelfReference);
    }

    private static void Record(List<Evidence> evidence, string captured, bool trimLeading, int kind)
    {
        if (OutletNames.Normalize(captured, trimLeading) is not { } name) return;
        var e = evidence.Find(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
        if (e is null) evidence.Add(e = new Evidence(name));
        switch (kind)
        {
            case 0: e.Strong++; break;
            case 1: e.Weak++; break;
            default: e.Negative++; break;
        }
    }

    /// <summary>"KCTV5" and "KCTV5 News" are one outlet: counts go to the fuller name.</summary>
    private static void MergePrefixes(List<Evidence> evidence)
    {
        evidence.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
        for (int i = evidence.Count - 1; i >= 0; i--)
        {
            var shorter = evidence[i];
            for (int j = 0; j < i; j++)
            {
                var longer = evidence[j];
                if (longer.Name.Length == shorter.Name.Length || !OutletNames.IsWordPrefix(shorter.Name, longer.Name)) continue;
                longer.Strong += shorter.Strong;
                longer.Weak += shorter.Weak;
                longer.Negative += shorter.Negative;
                evidence.RemoveAt(i);
                break;
            }
        }
    }

    private static bool Related(string a, string b) => OutletNames.IsWordPrefix(a, b) || OutletNames.IsWordPrefix(b, a);
}
