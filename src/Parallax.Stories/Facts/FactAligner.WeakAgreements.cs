using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Agreements with weak evidence that the reports state the same quantity, found by auditing agreed facts on PolNeAR
/// train and ECB+ odd topics (eval/polnear-disputes-audit.tsv, eval/ecbplus-disputes-audit.tsv): such a fact is not shown
/// as agreed (its claims stay, not compared). Telling a reader "the outlets agree" about two different quantities is a
/// false verdict, so when the only support is a bound that any larger number meets, or a rank of different things, say
/// less. Causes read: (a) the only agreement between two reports is an open lower bound touching the other's figure at
/// its edge ("more than 20 blocks" vs "some 20 blocks", "more than one week" vs "a week", "more than two months" vs "two
/// months"), or a vague plural set against a figure ("thousands of people" vs "2,267 people"): the words name a march and a
/// starting point, a gap and a schedule, jobs and a crowd; (b) ranks of different things ("first
/// time", "first step", "first caucus"; "third installment", "third highest"): for the low ranks news uses everywhere, no
/// two reports rank the same noun; (c) fractions of people whose measure is only the fraction's word ("three-quarters of
/// Republican voters", "two-thirds" answering different poll questions): as with percentages under different words,
/// nothing says they answer the same question ("nearly three-quarters of the market" still agrees).
/// </summary>
public sealed partial class FactAligner
{
    private const double CommonRank = 3;

    /// <summary>Measures that are only a fraction's own word ("three-quarters", "two-thirds"): no verb or noun says of what.</summary>
    private static readonly HashSet<string> FractionNouns = new(StringComparer.Ordinal) { "half", "third", "quarter", "fourth", "fifth", "tenth" };

    /// <summary>Null when the agreement stands; else why its claims are not compared, for the fact's evidence.</summary>
    private static string? WeakAgreement(List<ClaimRec> claims, Cluster cluster)
    {
        var members = cluster.Members;
        if (claims[members[0]].Q.Unit == "date") return null;   // dates are aligned and judged by FactAligner.Dates
        // Low ranks are everywhere in news ("first time", "first step", "third highest"); a shared high rank ("seventh time
        // he rallied", "7th game-winning drive") is itself evidence of one quantity.
        if (claims[members[0]].Q.Kind == QuantityKind.Ordinal && members.TrueForAll(m => claims[m].Q.Value <= CommonRank))
            return RankedNounShared(members, claims) ? null
                : "not compared: ranks of different things (no two reports rank the same noun)";
        if (members.TrueForAll(m => claims[m].Q.Kind == QuantityKind.Count && FractionNouns.Contains(claims[m].Measure))
            && members.Exists(m => !ShareOfAThing(claims[m].Text, claims[m].Q.End)))
            return "not compared: fractions of people with no word saying what they answered (\"three-quarters\" of voters in different polls)";
        return OnlyLowerBoundsMeet(members, claims)
            ? "not compared: the reports meet only where a lower bound (\"more than\", \"at least\") touches the other's figure at its edge"
            : null;
    }

    /// <summary>A lower bound open upwards: "more than 30", "at least 882", "thousands of" (a vague plural: a range whose value
    /// is its lower bound and whose upper bound is far above it). A range written with both ends ("between 10 and 100",
    /// valued at its middle) is a closed figure.</summary>
    private static bool OpenLowerBound(in Quantity q) =>
        q.Qualifier is Qualifier.MoreThan or Qualifier.AtLeast
        || q.Qualifier == Qualifier.Range && q.Lower > 0 && q.Value == q.Lower && q.Upper >= 10 * q.Lower;

    /// <summary>
    /// True when the agreement rests only on a lower bound touching a figure at its edge: two reports, one giving closed
    /// figures (a number, an approximate number, a range, an upper bound), the other only open lower bounds, and no bound
    /// is met strictly ("more than 20 blocks" vs "some 20 blocks", "more than two months" vs "two months": the bounds
    /// overlap only at the edge or through the approximation, so the words need not name one quantity). A closed figure
    /// that clears the bound ("more than 30 minutes" vs "a 32-minute video"), two closed figures from two reports, or
    /// bounds from two reports ("more than 10 times" vs "at least 21 times") still agree. Linear in the members, plus
    /// one report's bounds against the other report's figures.
    /// </summary>
    private static bool OnlyLowerBoundsMeet(List<int> members, List<ClaimRec> claims)
    {
        int closedDoc = -1, openDoc = -1;
        foreach (int m in members)
        {
            var c = claims[m];
            ref int doc = ref OpenLowerBound(c.Q) ? ref openDoc : ref closedDoc;
            if (doc >= 0 && doc != c.Doc) return false;   // two reports agree without leaning on a bound
            doc = c.Doc;
        }
        if (closedDoc < 0 || openDoc < 0 || closedDoc == openDoc) return false;
        foreach (int o in members)
        {
            var b = claims[o].Q;
            if (claims[o].Doc != openDoc || !OpenLowerBound(b)) continue;
            foreach (int m in members)
            {
                if (claims[m].Doc != closedDoc || OpenLowerBound(claims[m].Q)) continue;
                double v = claims[m].Q.Value;
                bool met = b.Qualifier switch
                {
                    Qualifier.MoreThan => v > b.Lower,
                    Qualifier.AtLeast => v >= b.Lower,
                    _ => false,   // "thousands of": a vague plural names no figure to meet
                };
                if (met) return false;
            }
        }
        return true;
    }

    /// <summary>Who a poll's shares are of: a fraction of these answers some question its measure does not name.</summary>
    private static readonly HashSet<string> PollPopulations = new(StringComparer.OrdinalIgnoreCase)
    {
        "voters", "people", "Americans", "respondents", "Republicans", "Democrats", "adults", "residents", "independents",
        "supporters", "members", "those", "them", "us", "women", "men", "caucusgoers", "likely", "registered",
    };

    /// <summary>
    /// True when the fraction ending at <paramref name="end"/> is followed by "of" and a thing, not a population: "three
    /// quarters of the market share", "three-quarters of the world's computers"; false for "three-quarters of Republican
    /// voters", and for a bare fraction ("about two-thirds, 67 percent, say"). Reads at most six words.
    /// </summary>
    private static bool ShareOfAThing(string text, int end)
    {
        int i = end, word = 0;
        bool sawOf = false;
        while (i < text.Length && word < 6)
        {
            while (i < text.Length && text[i] == ' ') i++;
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            if (i == start) break;
            var w = text.AsSpan(start, i - start);
            if (word++ == 0)
            {
                if (!w.Equals("of", StringComparison.OrdinalIgnoreCase)) return false;
                sawOf = true;
                continue;
            }
            if (PollPopulations.Contains(w.ToString())) return false;
        }
        return sawOf;
    }

    private static readonly HashSet<string> NounPhraseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "as", "that", "this",
        "his", "her", "its", "their", "our", "my", "your", "since", "than", "is", "was", "were", "be", "been", "has", "have", "had",
    };

    /// <summary>
    /// True when two reports rank a shared noun: the words after the ordinal up to two words past the claim ("first
    /// presidential debate", "first platform committee meeting"), stopping at a function word or punctuation.
    /// </summary>
    private static bool RankedNounShared(List<int> members, List<ClaimRec> claims)
    {
        var docOfWord = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (int m in members)
        {
            var c = claims[m];
            foreach (var w in RankedWords(c.Text, c.Q))
            {
                if (docOfWord.TryGetValue(w, out int d) && d != c.Doc) return true;
                docOfWord[w] = c.Doc;
            }
        }
        return false;
    }

    /// <summary>The noun-phrase words after the ordinal's own word: inside the claim's span, then at most two more.</summary>
    private static List<string> RankedWords(string text, in Quantity q)
    {
        var words = new List<string>(4);
        int i = q.Start;
        // Skip the ordinal's own word ("first", "11th", "third-").
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-')) i++;
        int after = 0;
        while (i < text.Length && words.Count < 6)
        {
            while (i < text.Length && text[i] == ' ') i++;
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-' && i > start)) i++;
            if (i == start) break;                     // punctuation, a digit or the end: the phrase is over
            var w = text[start..i].Trim('-');
            if (w.Length == 0 || NounPhraseStops.Contains(w)) break;
            words.Add(w.ToLowerInvariant());
            if (start >= q.End && ++after == 2) break;
        }
        return words;
    }
}
