using System.Collections.Immutable;
using System.Text;
using Parallax.Ingest.Decoding;
using Parallax.Ingest.Metadata;
using Parallax.Model;

namespace Parallax.Ingest.Cleaning;

/// <summary>The story text left after cleaning, and every line taken out with the reason.</summary>
/// <param name="Text">Kept lines, trimmed, joined by "\n"; a run of blank lines becomes one blank line ("\n\n").</param>
/// <param name="Removed">Removed lines in text order.</param>
public sealed record CleanedText(string Text, ImmutableArray<RemovedText> Removed);

/// <summary>
/// Removes lines of a plain-text news article that are not the story: newsletter and app promos, comment sections,
/// photo captions and credits, embed captions, related links, copyright and update notes, and a leading
/// "date YYYY-MM-DD" header. Works line by line with the rules in <see cref="BoilerplateRules"/>, plus two pieces of
/// context: bullets right after a subscription promo are perks of it, and a comment / subscription / related /
/// copyright block that runs to the end of the text takes every short line after it.
/// Pure and linear in the length of the text; safe to share between threads.
/// </summary>
public sealed class BoilerplateCleaner
{
    /// <summary>A shared instance (the cleaner holds no state).</summary>
    public static BoilerplateCleaner Default { get; } = new();

    // Tail-section thresholds, set on the seed articles and common CMS footers: comment guidelines run 10-16 words,
    // recommended headlines up to ~15; story lines after such a block would be longer or carry quotes.
    private const int TailMaxWords = 30;
    private const int TailMaxWordsUnpunctuated = 15;
    private const int PerkMaxWords = 15;

    private struct Line
    {
        public int Start;       // trimmed content range in the (normalised) text
        public int Length;
        public int Words;
        public string? Reason;  // set when removed
        public Section Opens;
        public bool Blank => Length == 0;
        public bool Removed => Reason is not null;
    }

    /// <summary>Cleans <paramref name="text"/>. Line ends may be "\n", "\r\n" or "\r".</summary>
    public CleanedText Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = TextDecoder.NormalizeNewlines(text);
        var removed = ImmutableArray.CreateBuilder<RemovedText>();
        var lines = SplitLines(text, removed);
        MarkLines(text, lines);
        MarkSubscriptionBullets(text, lines);
        MarkTrailingSection(text, lines);

        var sb = new StringBuilder(text.Length);
        bool pendingBlank = false;
        foreach (ref readonly var line in lines.AsSpan())
        {
            if (line.Removed)
            {
                removed.Add(new RemovedText(text.Substring(line.Start, line.Length), line.Reason!));
                continue;
            }
            if (line.Blank) { pendingBlank = sb.Length > 0; continue; }
            if (sb.Length > 0) sb.Append(pendingBlank ? "\n\n" : "\n");
            sb.Append(text, line.Start, line.Length);
            pendingBlank = false;
        }
        return new CleanedText(sb.ToString(), removed.ToImmutable());
    }

    private static Line[] SplitLines(string text, ImmutableArray<RemovedText>.Builder removed)
    {
        var lines = new List<Line>(text.Length / 80 + 4);
        int nonBlank = 0;
        int pos = 0;
        while (pos <= text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var (start, length) = Trim(text, pos, end);
            if (length > 0 && nonBlank++ < TextHeader.MaxHeaderLines
                && TextHeader.TryParse(text.AsSpan(start, length), out _, out int headerLength, out int restStart))
            {
                // The header goes; whatever follows it on the line is judged like any other line.
                removed.Add(new RemovedText(text.Substring(start, headerLength), "date header"));
                (start, length) = Trim(text, start + restStart, start + length);
            }
            lines.Add(new Line { Start = start, Length = length });
            pos = end + 1;
        }
        return [.. lines];
    }

    private static (int Start, int Length) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }

    private static void MarkLines(string text, Line[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            ref var line = ref lines[i];
            if (line.Blank) continue;
            var span = text.AsSpan(line.Start, line.Length);
            line.Words = BoilerplateRules.CountWords(span);
            if (BoilerplateRules.Match(span, line.Words) is { } rule)
            {
                line.Reason = rule.Reason;
                line.Opens = rule.Opens;
            }
        }
    }

    /// <summary>Short bullet items directly under a subscription promo (blank lines between allowed) are its perks.</summary>
    private static void MarkSubscriptionBullets(string text, Line[] lines)
    {
        bool inPromo = false;
        for (int i = 0; i < lines.Length; i++)
        {
            ref var line = ref lines[i];
            if (line.Blank) continue;
            if (line.Removed) { inPromo = line.Opens == Section.Subscription; continue; }
            if (inPromo && line.Words <= PerkMaxWords && BoilerplateRules.IsBullet(text.AsSpan(line.Start, line.Length)))
            {
                line.Reason = "subscription promo";
                line.Opens = Section.Subscription;
                continue;
            }
            inPromo = false;
        }
    }

    /// <summary>
    /// Finds the first section opener (comments, subscription, related links, copyright) after which every line is
    /// blank, already boilerplate, or short page text; from there to the end everything goes. Two passes, linear:
    /// the backward pass knows for each line whether everything after it qualifies.
    /// </summary>
    private static void MarkTrailingSection(string text, Line[] lines)
    {
        int firstTail = lines.Length; // smallest index from which every line qualifies
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            ref readonly var line = ref lines[i];
            if (!(line.Blank || line.Removed || IsTailEligible(text, line))) break;
            firstTail = i;
        }

        int opener = -1;
        for (int i = firstTail; i < lines.Length; i++)
        {
            if (lines[i].Removed && lines[i].Opens != Section.None) { opener = i; break; }
        }
        if (opener < 0) return;

        var section = lines[opener].Opens;
        for (int i = opener + 1; i < lines.Length; i++)
        {
            ref var line = ref lines[i];
            if (line.Blank) continue;
            if (line.Removed)
            {
                if (line.Opens != Section.None) section = line.Opens;
                continue;
            }
            line.Reason = section switch
            {
                Section.Comments => BoilerplateRules.RuleShape.IsMatch(text.AsSpan(line.Start, line.Length)) ? "comment rules" : "comment section",
                Section.Subscription => "subscription promo",
                Section.Related => "related links",
                _ => "page footer",
            };
        }
    }

    /// <summary>
    /// Short page text that may follow a trailing opener: bullet items, headline-like lines, and "Rule. Explanation."
    /// guidelines. Lines with quotation marks or "said" are never taken: they are story.
    /// </summary>
    private static bool IsTailEligible(string text, in Line line)
    {
        if (line.Words > TailMaxWords) return false;
        var span = text.AsSpan(line.Start, line.Length);
        if (span.IndexOfAny('"', '“', '”') >= 0) return false;
        if (span.Contains(" said", StringComparison.OrdinalIgnoreCase) || span.Contains(" says", StringComparison.OrdinalIgnoreCase))
            return false;
        if (BoilerplateRules.IsBullet(span)) return line.Words <= PerkMaxWords;
        if (!BoilerplateRules.EndsLikeSentence(span)) return line.Words <= TailMaxWordsUnpunctuated;
        return BoilerplateRules.RuleShape.IsMatch(span);
    }
}
