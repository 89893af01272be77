using System.Collections.Frozen;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Finds quantities in one document. Works sentence by sentence over <see cref="Word"/>s: one lexicon probe per word,
/// then local patterns around each number (qualifier before it, unit or counted noun after it). Allocates only the word
/// buffers per document and the strings of the quantities it emits.
/// </summary>
internal sealed partial class QuantityExtractor
{
    private readonly string text;
    private Word[] words = new Word[64];
    private Lex[] lex = new Lex[64];
    private int n;

    /// <summary><see cref="Hit.RestStart"/> value for a "-plus" suffix ("10-plus").</summary>
    private const int PlusSuffix = -2;

    private readonly HeadFinder heads;

    public QuantityExtractor(string text)
    {
        this.text = text;
        heads = new HeadFinder(text);
    }

    /// <summary>A parsed number before it is classified: which words it covers and what kind of number it is.</summary>
    private struct Hit
    {
        public int First, Last;          // word indexes of the number core (inclusive)
        public double Value, High;        // High is NaN unless a range
        public bool Digits, Vague, Ordinal, FromOne, Percent, Dozen;
        public double VagueUpper;
        public double Mantissa;           // the numeral before a scale word ("102" of "$102 million"), else 0
        public string? Currency;
        public int RestStart, RestEnd;   // char offsets of the compound rest after a hyphen ("minute" of "32-minute"), or -1
        public UnitDef? GluedUnit;        // a unit written onto the digits ("48km", "70kg"), else null
    }

    public void Extract(Document doc, List<Quantity> output, CancellationToken ct)
    {
        foreach (var sentence in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            n = WordScanner.Scan(doc, sentence, ref words);
            if (lex.Length < words.Length) lex = new Lex[words.Length];
            bool anyNumber = false;
            for (int i = 0; i < n; i++)
            {
                var w = words[i];
                var span = text.AsSpan(w.Start, w.Length);
                // A lost closing quote glued on ("hours\uFFFD") hides no word.
                lex[i] = w.Has(WordMarks.HasDigit) ? default : QuantityLexicon.Get(span.TrimEnd('\uFFFD'));
                if (w.Has(WordMarks.HasDigit) || (lex[i].Class & (WordClass.Cardinal | WordClass.Ordinal | WordClass.VaguePlural)) != 0
                    || span.IndexOf('-') > 0 || lex[i].Qual == QualWord.A || span.Length == 6 && (IsCouple(span) || IsNobody(span))
                    || span.Length == 2 && span.Equals("no", StringComparison.OrdinalIgnoreCase))
                    anyNumber = true;
            }
            if (!anyNumber) continue;
            heads.Use(words, lex, n);
            for (int i = 0; i < n;)
                i = TryAt(i, output);
        }
    }

    private ReadOnlySpan<char> W(int i) => text.AsSpan(words[i].Start, words[i].Length);
    private bool Is(int i, string s) => i >= 0 && i < n && W(i).Equals(s, StringComparison.OrdinalIgnoreCase);

    /// <summary>"a second bombing", "a second time": the ordinal, not one second. "a second" is a duration only at a
    /// break or before a word that says so ("a second later", "a second or two", "a second ago").</summary>
    private bool OrdinalSecond(int at)
    {
        if (words[at].BreakAfter || at + 1 >= n) return false;
        foreach (var after in SecondDurationWords) if (Is(at + 1, after)) return false;
        return char.IsLetter(W(at + 1)[0]);
    }

    private static readonly string[] SecondDurationWords = ["later", "earlier", "ago", "or", "and", "before", "after", "too", "longer", "more", "at", "to", "in", "of", "for"];
    private bool IsLower(int i) => i >= 0 && i < n && !words[i].Has(WordMarks.Capitalized) && !words[i].Has(WordMarks.HasDigit) && char.IsLetter(text[words[i].Start]);

    /// <summary>Tries to read a quantity starting at word <paramref name="i"/>; returns the next word to look at.</summary>
    private int TryAt(int i, List<Quantity> output)
    {
        if (TryZeroDigitCount(i, output) is int resumeAt) return resumeAt;
        if (!TryNumber(i, out var hit)) return i + 1;
        SpacedCompound(ref hit);
        int next = hit.Last + 1;
        if (IsNotAQuantity(ref hit)) return next;
        var (qualifier, nearly, qualStart) = LookBack(hit.First);
        // "911 response times": an emergency or service number, unless hedged like a count ("about 911 people").
        if (qualifier == Qualifier.Exact && hit.Digits && QuantityLexicon.IsServiceNumber(hit.Value) && W(hit.First).Length == 3) return next;
        ExtendRange(ref hit, ref qualifier);
        next = hit.Last + 1;
        if (Is(next, "or") && (Is(next + 1, "more") || Is(next + 1, "fewer") || Is(next + 1, "less")) && !words[hit.Last].BreakAfter)
        {
            if (qualifier is Qualifier.Exact or Qualifier.Approximate)
                qualifier = Is(next + 1, "more") ? Qualifier.AtLeast : Qualifier.AtMost;
            hit.Last = next + 1;
            next += 2;
        }
        if (hit.RestStart == PlusSuffix)
        {
            // "10-plus people"
            if (qualifier is Qualifier.Exact or Qualifier.Approximate) qualifier = Qualifier.AtLeast;
            hit.RestStart = -1;
        }
        int start = words[qualStart < 0 ? hit.First : qualStart].Start;
        if (hit.RestStart >= 0) return EmitCompound(hit, start, qualifier, nearly, output);
        if (hit.GluedUnit is { } glued) return EmitUnit(hit, hit.Last, glued, start, qualifier, nearly, output);
        if (hit.Currency is not null)
        {
            Emit(output, hit, start, words[hit.Last].End, QuantityKind.Money, 1, hit.Currency, MoneyAbout(hit.Last + 1, hit.First), qualifier, nearly);
            return hit.Last + 1;
        }
        if (hit.Percent)
        {
            Emit(output, hit, start, words[hit.Last].End, QuantityKind.Percent, 1, "%", PercentAbout(hit.Last + 1, hit.First), qualifier, nearly);
            return hit.Last + 1;
        }
        if (hit.Ordinal) return EmitOrdinal(hit, output);
        if (TryBareCasualty(hit, start, qualifier, nearly, output) is int bare) return bare;
        if (next >= n) return TryApposition(hit, output);

        var after = lex[next];
        if (W(next) is "%" && !words[hit.Last].BreakAfter)
        {
            Emit(output, hit, start, words[next].End, QuantityKind.Percent, 1, "%", PercentAbout(next + 1, hit.First), qualifier, nearly);
            return next + 1;
        }
        if (Is(next, "square") && next + 1 < n && !words[hit.Last].BreakAfter && !words[next].BreakAfter && SquareOf(W(next), W(next + 1)) is { } area)
        {
            // "2,000 square feet"
            Emit(output, hit, start, words[next + 1].End, QuantityKind.Other, area.Factor, area.Unit, heads.NextNoun(next + 1) ?? "area", qualifier, nearly);
            return next + 2;
        }
        if (after.Is(WordClass.Percent))
        {
            int end = next;
            if (Is(next, "per") && Is(next + 1, "cent")) end = next + 1;
            Emit(output, hit, start, words[end].End, QuantityKind.Percent, 1, "%", PercentAbout(end + 1, hit.First), qualifier, nearly);
            return end + 1;
        }
        if (Is(next, "per") && Is(next + 1, "cent"))
        {
            Emit(output, hit, start, words[next + 1].End, QuantityKind.Percent, 1, "%", PercentAbout(next + 2, hit.First), qualifier, nearly);
            return next + 2;
        }
        if (after.Unit is { } unit && !words[hit.Last].BreakAfter)
        {
            if (IsRate(hit)) return next + 1;
            return EmitUnit(hit, next, unit, start, qualifier, nearly, output);
        }
        if ((Is(next, "times") || Is(next, "time") && hit.Value == 1) && !words[hit.Last].BreakAfter && hit.Value >= 1)
        {
            string about = heads.BackwardVerb((qualStart >= 0 ? qualStart : hit.First) - 1) ?? heads.ForwardToVerb(next + 1) ?? "time";
            Emit(output, hit, start, words[next].End, QuantityKind.Count, 1, "time", about, qualifier, nearly);
            return next + 1;
        }
        if (hit.FromOne) return next; // "one", "a", "an" count only with a unit ("one hour"): "one of them" is not a fact
        if (TryCount(hit, start, qualifier, nearly, output, out int resume)) return resume;
        if (TryCoordinated(hit, start, qualifier, nearly, output, out resume)) return resume;
        if (TryBreakdown(hit, start, qualifier, nearly, output, out resume)) return resume;
        return TryApposition(hit, output);
    }

    /// <summary>"1,000 euros a month", "twice a day", "three times a week": "a month" is a rate's period, not a duration.</summary>
    private bool IsRate(in Hit hit)
    {
        if (!hit.FromOne || !(Is(hit.First, "a") || Is(hit.First, "an"))) return false;
        int p = hit.First - 1;
        if (p < 0 || words[p].BreakAfter) return false;
        return words[p].Has(WordMarks.HasDigit) || lex[p].Unit is not null || Is(p, "twice") || Is(p, "once") || Is(p, "times");
    }

    // ---------------------------------------------------------------- numbers

    private bool TryNumber(int i, out Hit hit)
    {
        hit = new Hit { First = i, Last = i, High = double.NaN, RestStart = -1, RestEnd = -1 };
        var w = words[i];
        var span = W(i);
        if (w.Has(WordMarks.HasDigit)) return TryDigits(i, span, ref hit);

        var l = lex[i];
        if (l.Is(WordClass.VaguePlural))
        {
            // "hundreds of", "tens of thousands of", "dozens of".
            double low = l.Value, upper;
            int last = i;
            if (Is(i, "tens") || Is(i, "hundreds"))
            {
                if (Is(i + 1, "of") && (Is(i + 2, "thousands") || Is(i + 2, "millions")))
                {
                    double scale = Is(i + 2, "thousands") ? 1e3 : 1e6;
                    low = (Is(i, "tens") ? 20 : 200) * scale;
                    upper = (Is(i, "tens") ? 100 : 1000) * scale;
                    last = i + 2;
                }
                else if (Is(i, "tens")) return false;
                else upper = 1000;
            }
            else upper = l.Value switch { 24 => 100, 40 => 200, 2000 => 100_000, 2e6 => 1e9, _ => 1e12 };
            hit.Last = last;
            hit.Value = low;
            hit.Vague = true;
            hit.VagueUpper = upper;
            return true;
        }
        if (l.Is(WordClass.Ordinal))
        {
            hit.Value = l.Value;
            hit.Ordinal = true;
            return true;
        }
        if (l.Qual == QualWord.A && Is(i + 1, "couple") && Is(i + 2, "of") && i + 3 < n && lex[i + 3].Unit is not null
            && !words[i + 1].BreakAfter && !words[i + 2].BreakAfter)
        {
            // "a couple of hours": two, loosely (two or three); only before a unit, so no count of people is read.
            hit.Last = i + 2;
            hit.Value = 2;
            hit.Vague = true;
            hit.VagueUpper = 3;
            return true;
        }
        if (l.Qual == QualWord.A)
        {
            // "a dozen", "a hundred", "a million"; "an hour" is read as one hour when a unit follows.
            if (i + 1 < n && lex[i + 1].Is(WordClass.Scale) && !Is(i + 1, "bn"))
            {
                var acc = new NumberWords();
                acc.Seed(1);
                int j = i + 1;
                while (j < n && !words[j - 1].BreakAfter && acc.TryAdd(W(j))) j++;
                if (Is(j - 1, "and")) j--;
                hit.Last = j - 1;
                hit.Value = acc.Value;
                hit.Dozen = Is(i + 1, "dozen");
                return true;
            }
            if (i + 1 < n && lex[i + 1].Unit is { Kind: QuantityKind.Duration or QuantityKind.Length } && !words[i].BreakAfter
                && !(Is(i + 1, "second") && OrdinalSecond(i + 1)))
            {
                hit.Value = 1;
                hit.FromOne = true;
                return true;
            }
            return false;
        }
        if (Is(i, "half") && (Is(i + 1, "a") || Is(i + 1, "an")))
        {
            if (Is(i + 2, "dozen")) { hit.Last = i + 2; hit.Value = 6; hit.Dozen = true; return true; }
            if (i + 2 < n && lex[i + 2].Unit is { Kind: QuantityKind.Duration or QuantityKind.Length }) { hit.Last = i + 1; hit.Value = 0.5; return true; }
            return false;
        }
        // Spelled-out numbers, possibly hyphenated with a compound rest ("six-month-old", "twenty-one-year-old").
        int hyphen = span.IndexOf('-');
        if (hyphen > 0)
        {
            if (NumberParser.TryParseWord(span, out var whole))
            {
                hit.Value = whole;
                return ContinueWords(i, ref hit);
            }
            int second = span[(hyphen + 1)..].IndexOf('-');
            if (second > 0 && NumberParser.TryParseWord(span[..(hyphen + 1 + second)], out var two))
            {
                hit.Value = two;
                hit.RestStart = w.Start + hyphen + 1 + second + 1;
                hit.RestEnd = w.End;
                return true;
            }
            if (NumberParser.TryParseWord(span[..hyphen], out var one))
            {
                hit.Value = one;
                hit.RestStart = w.Start + hyphen + 1;
                hit.RestEnd = w.End;
                return true;
            }
            return false;
        }
        if (!l.Is(WordClass.Cardinal) || l.Is(WordClass.Scale)) return false;
        hit.Value = l.Value;
        if (!ContinueWords(i, ref hit)) return false;
        if (hit.Value == 1 && hit.Last == i) hit.FromOne = true;
        // "the four" is a number; "Four" as the first word of a heading is still a number.
        return hit.Value > 0;
    }

    /// <summary>The text between two words is exactly <paramref name="gap"/> (" - ", " , "): how tokenised text prints
    /// "38-year-old" ("38 - year - old") and "20,000" ("20 , 000").</summary>
    private bool Gap(int a, string gap) =>
        a + 1 < n && words[a + 1].Start - words[a].End == gap.Length && text.AsSpan(words[a].End, gap.Length).SequenceEqual(gap);

    /// <summary>A compound split by a tokeniser: "38 - year - old", "15 - year veteran", "three - week trial" read like
    /// "38-year-old". Only a unit word after the spaced dash, so a dash between clauses ("killed 3 - the police said")
    /// is left alone.</summary>
    private void SpacedCompound(ref Hit hit)
    {
        int l = hit.Last;
        if (hit.RestStart != -1 || !double.IsNaN(hit.High) || hit.Vague || hit.Ordinal || hit.Percent || !Gap(l, " - ")) return;
        if (Is(l + 1, "square") && Gap(l + 1, " - ") && l + 2 < n && SquareOf(W(l + 1), W(l + 2)) is not null)
        {
            // "15 , 800 - square - metre"
            hit.RestStart = words[l + 1].Start;
            hit.RestEnd = words[l + 2].End;
            hit.Last = l + 2;
            return;
        }
        // "$143 - billion": a scale after a currency amount.
        bool scale = hit.Currency is not null && lex[l + 1].Is(WordClass.Scale) && !Is(l + 1, "dozen");
        if (lex[l + 1].Unit is null && !scale || !IsAllLetters(W(l + 1))) return;
        hit.RestStart = words[l + 1].Start;
        hit.RestEnd = words[l + 1].End;
        hit.Last = l + 1;
        if (Gap(l + 1, " - ") && Is(l + 2, "old"))
        {
            hit.RestEnd = words[l + 2].End;
            hit.Last = l + 2;
        }
    }

    /// <summary>Continues a spelled number over the next words ("one hundred twenty", "two million", "two and a half").</summary>
    private bool ContinueWords(int i, ref Hit hit)
    {
        var acc = new NumberWords();
        acc.TryAdd(W(i));
        if (acc.Count == 0) acc.Seed(hit.Value);
        int j = i + 1;
        while (j < n && !words[j - 1].BreakAfter && acc.TryAdd(W(j))) j++;
        if (j - 1 > i && Is(j - 1, "and")) j--;
        hit.Last = j - 1;
        hit.Value = acc.Value;
        AndAHalf(ref hit);
        return true;
    }

    /// <summary>"1/2", "1/4", "3/4" as a fraction, else null.</summary>
    private static double? Fraction(ReadOnlySpan<char> w) => w switch
    {
        "1/2" => 0.5,
        "1/4" => 0.25,
        "3/4" => 0.75,
        _ => null,
    };

    /// <summary>"2-1/2": a whole number, a dash and a simple fraction, else null.</summary>
    private static double? MixedFraction(ReadOnlySpan<char> w)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0 || dash > 3 || Fraction(w[(dash + 1)..]) is not double part) return null;
        foreach (char c in w[..dash]) if (!char.IsAsciiDigit(c)) return null;
        return int.Parse(w[..dash], System.Globalization.CultureInfo.InvariantCulture) + part;
    }

    /// <summary>A currency sign standing alone one space before the number ("$ 108 million", as tokenised text prints
    /// it): the sign, preceded by a space or the start of the text.</summary>
    private string? DetachedCurrency(int start)
    {
        if (start < 2 || text[start - 1] != ' ') return null;
        foreach (var (prefix, currency) in QuantityLexicon.CurrencyPrefixes)
        {
            int at = start - 1 - prefix.Length;
            if (at >= 0 && text.AsSpan(at, prefix.Length).SequenceEqual(prefix) && (at == 0 || char.IsWhiteSpace(text[at - 1])))
                return currency;
        }
        return null;
    }

    /// <summary>"two and a half", "1 and a half".</summary>
    private void AndAHalf(ref Hit hit)
    {
        int j = hit.Last + 1;
        if (Is(j, "and") && Is(j + 1, "a") && Is(j + 2, "half") && !words[hit.Last].BreakAfter)
        {
            hit.Value += 0.5;
            hit.Last = j + 2;
        }
    }

    private bool TryDigits(int i, ReadOnlySpan<char> span, ref Hit hit)
    {
        var w = words[i];
        if (w.Has(WordMarks.Bracketed)) return false;          // "(816)": area codes, list markers
        int offset = w.Start;
        foreach (var (prefix, currency) in QuantityLexicon.CurrencyPrefixes)
        {
            if (span.StartsWith(prefix, StringComparison.Ordinal))
            {
                hit.Currency = currency;
                span = span[prefix.Length..];
                offset += prefix.Length;
                break;
            }
        }
        bool glued = false;
        if (hit.Currency is null && GluedCurrency(span) is int skip)
        {
            glued = true;
            hit.Currency = skip > 0 && (span[0] is 'e' or 'E') ? "EUR" : UnknownCurrency;
            span = span[skip..];
            offset += skip;
        }
        if (span.IsEmpty || !(char.IsAsciiDigit(span[0]) || span[0] == '.')) return false;
        hit.Currency ??= DetachedCurrency(w.Start);
        bool mangled = hit.Currency is null && MangledSign(w.Start) is not null;
        if (mangled) hit.Currency = UnknownCurrency;
        if (MixedFraction(span) is double mixed)
        {
            hit.Value = mixed;   // "2-1/2 year sentence"
            hit.Digits = true;
            return true;
        }
        if (span.IndexOfAny(':', '/') >= 0) return false;          // clock times and dates: the time stage reads them

        ReadOnlySpan<char> head = span, rest = default;
        int dash = span.IndexOfAny('-', '\u2013');
        if (dash > 0)
        {
            head = span[..dash];
            rest = span[(dash + 1)..];
            if (rest.IsEmpty) return false;
        }
        if (head.Length > 1 && head[^1] == '%') { hit.Percent = true; head = head[..^1]; }
        else if (head.Length > 1 && head[^1] == '+') head = head[..^1];

        if (NumberParser.TryParseOrdinalNumeral(head, out int ordinal))
        {
            if (!rest.IsEmpty) return false;
            hit.Value = ordinal;
            hit.Ordinal = true;
            return true;
        }
        if (!NumberParser.TryParseWithFraction(head, out var value))
        {
            // "$1.2m", "$3bn": a scale letter only after a currency sign ("5m" alone may be metres); "bn" and "tn" are
            // scales whatever follows ("30bn euros").
            if (hit.Currency is null && GluedUnit(head) is var (unitDef, numeral))
            {
                // "48km", "70kg", "24hrs": a unit written onto the digits.
                hit.Value = numeral;
                hit.Digits = true;
                hit.GluedUnit = unitDef;
                return rest.IsEmpty;
            }
            if (head.Length < 2 || hit.Currency is null && !(head.Length > 2 && head[^1] == 'n' && head[^2] is 'b' or 't')) return false;
            int letters = head.Length > 2 && head[^1] == 'n' && head[^2] is 'b' or 't' ? 2 : 1;
            double scale = head[^letters..] switch
            {
                "m" or "M" => 1e6,
                "bn" or "b" or "B" => 1e9,
                "k" or "K" => 1e3,
                "tn" => 1e12,
                _ => 0,
            };
            if (scale == 0 || !NumberParser.TryParseNumeral(head[..^letters], out value)) return false;
            hit.Mantissa = value;
            value *= scale;
        }
        hit.Value = value;
        hit.Digits = true;
        // "20 , 000", "1 , 200 , 000": thousands groups a tokeniser split off (not "May 3 , 100 people").
        if (rest.IsEmpty && head.Length <= 3 && IsAllDigits(head) && (i == 0 || !lex[i - 1].Is(WordClass.Month) && !Gap(i - 1, " - ")))
        {
            while (Gap(hit.Last, " , ") && W(hit.Last + 1) is { Length: 3 } group && IsAllDigits(group))
            {
                hit.Value = hit.Value * 1000 + int.Parse(group, System.Globalization.CultureInfo.InvariantCulture);
                hit.Last++;
            }
            value = hit.Value;
            SpacedDecimal(ref hit, ref value);
        }
        if (!rest.IsEmpty)
        {
            if (char.IsAsciiDigit(rest[0]))
            {
                // "20-25" is a range; "555-1234", "2019-07-23", "3-2" (a score) and "1990-2000" are not quantities.
                if (rest.IndexOfAny('-', '\u2013') >= 0 || !NumberParser.TryParseNumeral(rest, out var high)) return false;
                if (head.Length == 3 && rest.Length == 4 || head.Length == 4 && rest.Length >= 2 && value >= 1000 || high <= value)
                    return false;
                hit.High = high;
            }
            else
            {
                if (rest.Equals("plus", StringComparison.OrdinalIgnoreCase)) hit.RestStart = PlusSuffix;
                else
                {
                    hit.RestStart = offset + (span.Length - rest.Length);
                    hit.RestEnd = w.End;
                }
            }
        }
        // "1.2 million", "42 thousand": a scale word after the numeral.
        if (hit.Last + 1 < n && lex[hit.Last + 1].Is(WordClass.Scale) && !Is(hit.Last + 1, "dozen") && !words[hit.Last].BreakAfter && rest.IsEmpty)
        {
            hit.Mantissa = value;
            var acc = new NumberWords();
            acc.Seed(value);
            int j = hit.Last + 1;
            while (j < n && !words[j - 1].BreakAfter && acc.TryAdd(W(j))) j++;
            if (Is(j - 1, "and")) j--;
            hit.Last = j - 1;
            hit.Value = acc.Value;
        }
        AndAHalf(ref hit);
        // A lost sign ("? 110 billion") is read as money only before a scale, as amounts of money are written; a bare
        // "? 110" may be a question mark.
        if (mangled && hit.Mantissa == 0 && !(Gap(hit.Last, " - ") && lex[hit.Last + 1].Is(WordClass.Scale))) hit.Currency = null;
        if (glued && hit.Mantissa == 0 && !(Gap(hit.Last, " - ") && lex[hit.Last + 1].Is(WordClass.Scale)) && !GluedMoney(hit)) hit.Currency = null;
        // "2 1/2 years": a whole number, a space and a simple fraction.
        if (rest.IsEmpty && hit.Last == i && value == Math.Floor(value) && i + 1 < n && !w.BreakAfter && Fraction(W(i + 1)) is double part)
        {
            hit.Value = value + part;
            hit.Last = i + 1;
        }
        return true;
    }

    // ---------------------------------------------------------------- what is not a quantity

    /// <summary>Street numbers, phone numbers, ZIP codes, years, dates' day numbers, times of day, legal sections and
    /// service numbers look like numbers but measure nothing.</summary>
    private bool IsNotAQuantity(ref Hit hit)
    {
        int f = hit.First, l = hit.Last;
        if (f > 0 && hit.Digits)
        {
            var before = lex[f - 1];
            var beforeWord = W(f - 1);
            if (before.Is(WordClass.Label) && !words[f - 1].BreakAfter
                && (words[f - 1].Has(WordMarks.Capitalized) || !beforeWord.Equals("no", StringComparison.OrdinalIgnoreCase)))
                return true;
            if (before.Is(WordClass.Month) && words[f - 1].Has(WordMarks.Capitalized)) return true;   // "July 22"
            if (IsNameCode(f, ref hit)) return true;                                                   // "Zone 5", "Route 66"
            if (before.Is(WordClass.Region) && W(f).Length >= 5 && hit.Value >= 10000 && W(f).IndexOf(',') < 0) return true; // ZIP
        }
        if (hit.Ordinal && f > 0 && lex[f - 1].Is(WordClass.Month) && words[f - 1].Has(WordMarks.Capitalized)) return true; // "July 22nd"
        if (l + 1 < n)
        {
            var after = lex[l + 1];
            if (after.Is(WordClass.Meridiem) || after.Is(WordClass.Month) && words[l + 1].Has(WordMarks.Capitalized)) return true; // "10 a.m.", "22 July"
            if (Is(l + 1, "of") && l + 2 < n && lex[l + 2].Is(WordClass.Month)) return true;                                     // "22nd of July"
        }
        if (!hit.Digits) return false;
        var text0 = W(f);
        bool plainDigits = hit.Currency is null && !hit.Percent && text0.IndexOf(',') < 0 && text0.IndexOf('.') < 0 && hit.RestStart == -1 && double.IsNaN(hit.High)
            && hit.GluedUnit is null;
        if (plainDigits)
        {
            // A year: four plain digits in the calendar range, unless a unit or counted noun follows ("1500 people").
            if (text0.Length == 4 && hit.Value is >= 1000 and <= 2199 && !FollowedByMeasure(l + 1)) return true;
            if (text0.Length == 5 && (l + 1 >= n || !FollowedByMeasure(l + 1))) return true; // bare five digits: ZIP codes, ids
            // Street numbers: digits, then capitalised words ending in a street suffix ("4032 Harvard Circle").
            for (int k = l + 1; k < n && k <= l + 4; k++)
            {
                if (!words[k].Has(WordMarks.Capitalized) && !words[k].Has(WordMarks.HasDigit)) break;
                if (lex[k].Is(WordClass.StreetSuffix) && k > l + 1) return true;
                if (words[k].BreakAfter && !words[k].Has(WordMarks.StopAfter)) break;
            }
            // Runs of digit groups ("816 555 1234") are identifiers.
            if (l + 1 < n && words[l + 1].Has(WordMarks.HasDigit) && !words[l].BreakAfter && IsAllDigits(W(l + 1))) return true;
        }
        return false;
    }

    private bool FollowedByMeasure(int j)
    {
        if (j >= n || words[j - 1].BreakAfter) return false;
        var l = lex[j];
        return l.Unit is not null || l.Is(WordClass.Percent) || Is(j, "times") || heads.IsPluralNoun(j) && IsLower(j);
    }

    /// <summary>Significant figures of a written numeral (102 → 3, 22.4 → 3, 110 → 2, 1.2 → 2); 0 for 0.</summary>
    internal static int SignificantDigits(double v)
    {
        if (v <= 0 || !double.IsFinite(v)) return 0;
        Span<char> buf = stackalloc char[32];
        if (!v.TryFormat(buf, out int len, "0.######", System.Globalization.CultureInfo.InvariantCulture)) return 0;
        var s = buf[..len];
        int first = -1, last = -1;
        bool point = s.IndexOf('.') >= 0;
        for (int k = 0; k < s.Length; k++)
        {
            if (s[k] is < '1' or > '9') continue;
            if (first < 0) first = k;
            last = k;
        }
        if (first < 0) return 0;
        if (point) last = s.Length - 1;   // "22.4": every digit after the first non-zero counts
        int count = 0;
        for (int k = first; k <= last; k++) if (char.IsAsciiDigit(s[k])) count++;
        return count;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return !s.IsEmpty;
    }

    // ---------------------------------------------------------------- qualifiers and ranges

    /// <summary>Reads the hedge before a number ("about", "more than", "at least", "no more than", "up to").</summary>
    private (Qualifier, bool Nearly, int Start) LookBack(int first)
    {
        int w1 = first - 1;
        if (w1 < 0 || words[w1].BreakAfter) return (Qualifier.Exact, false, -1);
        QualWord q1 = lex[w1].Qual, q2 = w1 >= 1 && !words[w1 - 1].BreakAfter ? lex[w1 - 1].Qual : QualWord.None;
        QualWord q3 = w1 >= 2 && !words[w1 - 2].BreakAfter ? lex[w1 - 2].Qual : QualWord.None;
        switch (q1)
        {
            case QualWord.About: return (Qualifier.Approximate, false, w1);
            case QualWord.Estimated: return (Qualifier.Approximate, false, q2 == QualWord.A ? w1 - 1 : w1);
            case QualWord.Nearly: return (Qualifier.Approximate, true, w1);
            // "Over" is also a preposition of extent ("deliberated over four days" = across four days), so it is read as
            // a closed bound: "over four days" and "four days" can both hold, "over 30 years" and "20 years" cannot.
            case QualWord.Over: return (Qualifier.AtLeast, false, q2 == QualWord.Just ? w1 - 1 : w1);
            case QualWord.Under: return (Qualifier.LessThan, false, q2 == QualWord.Just ? w1 - 1 : w1);
            case QualWord.Than when q2 == QualWord.More:
                return q3 == QualWord.No ? (Qualifier.AtMost, false, w1 - 2) : (Qualifier.MoreThan, false, w1 - 1);
            case QualWord.Than when q2 == QualWord.Fewer:
                return q3 == QualWord.No ? (Qualifier.AtLeast, false, w1 - 2) : (Qualifier.LessThan, false, w1 - 1);
            case QualWord.Least when q2 == QualWord.At: return (Qualifier.AtLeast, false, w1 - 1);
            case QualWord.Most when q2 == QualWord.At: return (Qualifier.AtMost, false, w1 - 1);
            case QualWord.To when q2 == QualWord.Up: return (Qualifier.AtMost, false, w1 - 1);
            case QualWord.To when q2 == QualWord.Close: return (Qualifier.Approximate, false, w1 - 1);
            case QualWord.Of when q2 == QualWord.Upwards: return (Qualifier.MoreThan, false, w1 - 1);
            case QualWord.Of when q2 == QualWord.Excess && q3 == QualWord.In: return (Qualifier.MoreThan, false, w1 - 2);
            case QualWord.Of when q2 == QualWord.Minimum: return (Qualifier.AtLeast, false, q3 == QualWord.A ? w1 - 2 : w1 - 1);
            case QualWord.Of when q2 == QualWord.Maximum: return (Qualifier.AtMost, false, q3 == QualWord.A ? w1 - 2 : w1 - 1);
            case QualWord.As when q2 == QualWord.Many && q3 == QualWord.As: return (Qualifier.AtMost, false, w1 - 2);
            case QualWord.Between: return (Qualifier.Exact, false, w1);
            default: return (Qualifier.Exact, false, -1);
        }
    }

    /// <summary>"20 to 25 minutes", "between 20 and 25", "20-25": a range; the qualifier becomes <see cref="Qualifier.Range"/>.</summary>
    private void ExtendRange(ref Hit hit, ref Qualifier qualifier)
    {
        if (!double.IsNaN(hit.High)) { qualifier = Qualifier.Range; return; }
        if (hit.Ordinal || hit.Vague || hit.RestStart >= 0) return;
        int j = hit.Last + 1;
        if (j + 1 >= n || words[hit.Last].BreakAfter) return;
        bool between = hit.First > 0 && lex[hit.First - 1].Qual == QualWord.Between;
        bool from = hit.First > 0 && Is(hit.First - 1, "from");
        if (from) return; // "from 20 to 25" is a change, not a range
        if (!(Is(j, "to") || between && Is(j, "and") || Is(j, "or") && !Is(j + 1, "more") && !Is(j + 1, "fewer") && !Is(j + 1, "less"))) return;
        if (!TryNumber(j + 1, out var second) || second.Ordinal || second.Vague || !double.IsNaN(second.High)) return;
        if (second.Value <= hit.Value) return;
        hit.High = second.Value;
        hit.Last = second.Last;
        hit.Percent |= second.Percent;
        hit.Currency ??= second.Currency;
        if (second.RestStart >= 0) { hit.RestStart = second.RestStart; hit.RestEnd = second.RestEnd; }
        qualifier = Qualifier.Range;
    }

    // ---------------------------------------------------------------- emitting

    private void Emit(List<Quantity> output, in Hit hit, int start, int end, QuantityKind kind, double factor, string unit,
        string about, Qualifier qualifier, bool nearly)
    {
        if (kind == QuantityKind.Money && IsConversion(hit, end)) return;
        if (kind == QuantityKind.Percent && IsThreshold(hit.First, qualifier)) return;
        double value = hit.Value * factor;
        double lower, upper;
        if (!double.IsNaN(hit.High))
        {
            lower = hit.Value * factor;
            upper = hit.High * factor;
            value = (lower + upper) / 2;
            qualifier = Qualifier.Range;
        }
        else if (hit.Vague)
        {
            lower = hit.Value * factor;
            upper = hit.VagueUpper * factor;
            qualifier = Qualifier.Range;
        }
        else
        {
            if (hit.Dozen && qualifier == Qualifier.Exact) qualifier = Qualifier.Approximate; // "a dozen" is loose
            // "$102 million" was counted, not rounded: three significant figures before a scale word are exact;
            // "$1.2 million", "110 billion" keep the tolerance of a round number.
            double written = SignificantDigits(hit.Mantissa) >= 3 ? hit.Mantissa : hit.Value;
            (lower, upper) = qualifier == Qualifier.Exact && WeighedExactly(unit, factor, value)
                ? (value, value)
                : QuantityBounds.For(qualifier, value, kind, nearly, written);
        }
        output.Add(new Quantity(start, end, kind, QuantityBounds.Tidy(value), QuantityBounds.Tidy(lower), QuantityBounds.Tidy(upper),
            unit, about, qualifier));
    }

    /// <summary>
    /// "$US1 million ($1.52 million)", "US$50 ($A65)": an amount in parentheses right after one marked as US dollars is the
    /// same sum in the writer's local dollar (Australian, Canadian…), which a bare "$" cannot tell apart from US dollars:
    /// never a second US-dollar figure that could dispute. A conversion into another currency ("85 million euros
    /// ($108 million)") stays: reports converting at different rates do give different dollar figures (the golds count them).
    /// </summary>
    private bool IsConversion(in Hit hit, int end)
    {
        if (hit.First < 1) return false;
        int c = words[hit.First].Start - 1;
        while (c >= 0 && (text[c] == ' ' || char.GetUnicodeCategory(text[c]) == System.Globalization.UnicodeCategory.CurrencySymbol)) c--;
        if (c < 0 || text[c] != '(') return false;
        int before = hit.First - 1;   // the word right before the parenthesis (the scanner may keep "(" and "$" as words)
        while (before >= 0 && words[before].Start >= c) before--;
        if (before < 0) return false;
        for (int k = words[before].End; k < c; k++) if (text[k] != ' ') return false;
        int e = end;
        while (e < text.Length && text[e] == ' ') e++;
        if (e >= text.Length || text[e] != ')') return false;
        if (!(words[before].Has(WordMarks.HasDigit) || lex[before].Is(WordClass.Scale))) return false;
        for (int k = before; k >= 0 && k >= before - 2; k--)
        {
            var w = W(k);   // "US1", "US$1", "US", "US$"
            if (w.Length >= 2 && w[0] == 'U' && w[1] == 'S' && (w.Length == 2 || w[2] == '$' || char.IsDigit(w[2]))) return true;
        }
        return false;
    }

    /// <summary>"the 20-yard line", "the 45 yard line": a place on a playing field, not a distance anyone covered.</summary>
    private bool IsFieldPosition(UnitDef unit, int u) =>
        unit.Name == "yard" && !words[u].BreakAfter && (Is(u + 1, "line") || Is(u + 1, "lines"));

    /// <summary>
    /// A weight in pounds or kilograms up to what a person weighs (200 kg: "130 pounds", "a 70kg man") was read off a
    /// scale or a record, not rounded by the writer, so a round figure is exact: "130 pounds" and "135 pounds" cannot both
    /// be one man's weight. Tonnes and tons, and heavier things ("a 500-pound bomb"), keep a round number's tolerance.
    /// </summary>
    internal static bool WeighedExactly(string unit, double factor, double kilograms) =>
        unit == "kg" && factor <= 1 && kilograms <= 200;

    private int EmitUnit(in Hit hit, int u, UnitDef unit, int start, Qualifier qualifier, bool nearly, List<Quantity> output)
    {
        int end = words[u].End;
        var kind = unit.Kind;
        if (kind == QuantityKind.Length && unit.Name is "kilometer" or "mile" && PerHour(u) is int perHour and > 0)
        {
            // "193km / h", "120 miles per hour": a speed, in miles per hour like "120 mph".
            var speed = unit.Name == "mile" ? 1 : KilometrePerHour.Factor;
            Emit(output, hit, start, words[perHour].End, QuantityKind.Other, speed, "mph", heads.NextNoun(perHour) ?? heads.BackwardVerb(hit.First - 1) ?? "mph", qualifier, nearly);
            return perHour + 1;
        }
        // Ages: "32 years old", "11 year-old".
        if (kind == QuantityKind.Duration && (Is(u + 1, "old") && !words[u].BreakAfter))
        {
            Emit(output, hit, start, words[u + 1].End, QuantityKind.Age, unit.Factor / QuantityLexicon.Year.Factor, "year",
                "age", qualifier, nearly);
            return u + 2;
        }
        string about;
        if (kind == QuantityKind.Duration || kind == QuantityKind.Length)
            about = MeasureAbout(hit, u, unit, start);
        else if (kind == QuantityKind.Money)
            about = MoneyAbout(u + 1, hit.First);
        else
            about = heads.NextNoun(u) ?? heads.OfObject(u + 1) ?? heads.BackwardVerb(hit.First - 1) ?? unit.Name;
        // "the 20 yard line": a place on a field, not a distance.
        if (IsFieldPosition(unit, u) || IsCalibre(unit, u)) return u + 1;
        // "300 yards or more", "two hours or less": an open bound read after the unit.
        if (Is(u + 1, "or") && (Is(u + 2, "more") || Is(u + 2, "fewer") || Is(u + 2, "less")) && !words[u].BreakAfter
            && qualifier is Qualifier.Exact or Qualifier.Approximate)
        {
            qualifier = Is(u + 2, "more") ? Qualifier.AtLeast : Qualifier.AtMost;
            end = words[u + 2].End;
        }
        // "weighing 130 pounds", "5-foot-8, 135 pounds": a weight with no noun after it is somebody's weight.
        if (WeighedExactly(unit.Unit, unit.Factor, hit.Value * unit.Factor) && (about == unit.Name || about == "weigh")) about = "weight";
        Emit(output, hit, start, end, kind, unit.Factor, unit.Unit, about, qualifier, nearly);
        return u + 1;
    }

    /// <summary>
    /// What a duration or length measures. An object measured ("32-minute video", "the video, which is more than 30
    /// minutes long") gives its noun; an event ("negotiate ... for about 25 minutes", "25 minutes of recording",
    /// "five days after he returned") gives its verb.
    /// </summary>
    private string MeasureAbout(in Hit hit, int u, UnitDef unit, int start)
    {
        int firstWord = hit.First;
        while (firstWord > 0 && words[firstWord - 1].Start >= start) firstWord--;
        if (Is(u + 1, "long") || Is(u + 1, "tall") || Is(u + 1, "wide") || Is(u + 1, "deep") || Is(u + 1, "high"))
            return heads.SubjectNoun(firstWord) ?? unit.Name;
        // "a 30 minute video": a singular unit after a number above one modifies the noun after it.
        if (!words[u].BreakAfter && hit.Value > 1 && W(u).Equals(unit.Name, StringComparison.OrdinalIgnoreCase) && heads.NextNoun(u) is { } modified)
            return modified;
        if (heads.OfObject(u + 1) is { } of) return of;
        if (!words[u].BreakAfter && (Is(u + 1, "after") || Is(u + 1, "before")) && heads.ForwardToVerb(u + 2) is { } clause) return clause;
        return heads.BackwardVerb(firstWord - 1) ?? heads.ForwardMainVerb(u) ?? unit.Name;
    }

    private string MoneyAbout(int j, int first)
    {
        if (j < n && !words[j - 1].BreakAfter)
        {
            if (heads.NextNoun(j - 1) is { } noun) return noun;
            if (Is(j, "in") && heads.IsContent(j + 1)) return heads.Head(j + 1);
        }
        return heads.BackwardVerb(first - 1) ?? "money";
    }

    private string PercentAbout(int j, int first) =>
        heads.OfObject(j) ?? heads.SubjectNoun(first) ?? heads.BackwardVerb(first - 1) ?? "percent";

    private int EmitCompound(in Hit hit, int start, Qualifier qualifier, bool nearly, List<Quantity> output)
    {
        var rest = text.AsSpan(hit.RestStart, hit.RestEnd - hit.RestStart);
        int wordIndex = hit.Last;
        // rest: "minute", "year-old", "month-old", "plus", "member"
        int hyphen = rest.IndexOf('-');
        var p1 = (hyphen < 0 ? rest : rest[..hyphen]).Trim(' ');        // "year - old" as tokenised text prints it
        var p2 = hyphen < 0 ? default : rest[(hyphen + 1)..].Trim(' ');
        var l1 = QuantityLexicon.Get(p1);
        int end = words[wordIndex].End;
        if (SquareOf(p1, p2) is { } area)
        {
            // "a 170,000-square-foot building"
            Emit(output, hit, start, end, QuantityKind.Other, area.Factor, area.Unit, heads.NextNoun(wordIndex) ?? "area", qualifier, nearly);
            return wordIndex + 1;
        }
        if (l1.Unit is { } unit)
        {
            if (unit.Kind == QuantityKind.Duration && p2.Equals("old", StringComparison.OrdinalIgnoreCase))
            {
                // "11-year-old son", "six-month-old": ages in years.
                string who = heads.NextNoun(wordIndex) ?? "age";
                Emit(output, hit, start, end, QuantityKind.Age, unit.Factor / QuantityLexicon.Year.Factor, "year", who, qualifier, nearly);
                return wordIndex + 1;
            }
            // "a 10-metre-long dhow", "a 30-foot-tall statue": the length of the noun after it.
            bool dimension = unit.Kind == QuantityKind.Length && (p2.Equals("long", StringComparison.OrdinalIgnoreCase)
                || p2.Equals("wide", StringComparison.OrdinalIgnoreCase) || p2.Equals("tall", StringComparison.OrdinalIgnoreCase)
                || p2.Equals("high", StringComparison.OrdinalIgnoreCase) || p2.Equals("deep", StringComparison.OrdinalIgnoreCase));
            if (!p2.IsEmpty && !dimension) return wordIndex + 1;
            if (IsFieldPosition(unit, wordIndex) || IsCalibre(unit, wordIndex)) return wordIndex + 1;   // "the 27-yard line", "a 9-millimeter pistol"
            string about = heads.NextNoun(wordIndex) ?? unit.Name;
            Emit(output, hit, start, end, unit.Kind, unit.Factor, unit.Unit, about, qualifier, nearly);
            return wordIndex + 1;
        }
        if (l1.Is(WordClass.Scale) && hit.Currency is not null)
        {
            var scaled = hit;
            scaled.Value *= l1.Value;
            Emit(output, scaled, start, end, QuantityKind.Money, 1, hit.Currency, heads.NextNoun(wordIndex) ?? "money", qualifier, nearly);
            return wordIndex + 1;
        }
        // "a 12-member jury", "three-person crew": a count of the compound's noun.
        if (p2.IsEmpty && p1.Length > 2 && IsAllLetters(p1) && !l1.Is(WordClass.Stop) && hit.Value >= 2)
        {
            string unitName = Lemmas.Singular(p1);
            Emit(output, hit, start, end, QuantityKind.Count, 1, unitName, heads.NextNoun(wordIndex) ?? unitName, qualifier, nearly);
        }
        return wordIndex + 1;
    }

    private int EmitOrdinal(in Hit hit, List<Quantity> output)
    {
        int f = hit.First, j = hit.Last + 1;
        // Only "the third time", "his second arrest": a determiner or possessive before, a common noun after.
        bool determined = f > 0 && (lex[f - 1].Is(WordClass.Determiner) || words[f - 1].Has(WordMarks.Possessive)) && !words[f - 1].BreakAfter;
        if (!determined || j >= n || words[hit.Last].BreakAfter || !heads.IsContent(j) || !IsLower(j)) return j;
        if (lex[j].Is(WordClass.Auxiliary) || Lemmas.LooksVerbal(W(j)) && W(j).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return j;
        string noun = heads.Head(j);
        output.Add(new Quantity(words[f].Start, words[j].End, QuantityKind.Ordinal, hit.Value, hit.Value, hit.Value, "rank", noun, Qualifier.Exact));
        return j + 1;
    }

    /// <summary>"two young children", "42,000 views", "four KCPD officers", "hundreds of immigrant rights advocates".</summary>
    private bool TryCount(in Hit hit, int start, Qualifier qualifier, bool nearly, List<Quantity> output, out int resume)
    {
        resume = hit.Last + 1;
        if (words[hit.Last].BreakAfter || hit.Value < 2 && !hit.Vague) return false;
        int j = hit.Last + 1;
        if (Is(j, "of"))
        {
            // "hundreds of protesters", "two of the officers"
            j++;
            if (j < n && lex[j].Is(WordClass.Determiner)) j++;
        }
        int reach = 4;
        for (int k = j; k < n && k < j + reach; k++)
        {
            if (CoordinatedModifiers(k, j))
            {
                // "23 Somali and Yemeni pirates", "23 heavily armed Somalian and Yemeni pirates"
                reach = Math.Max(reach, k - j + 4);
                continue;
            }
            if (SpacedNoun(k) is int second and > 0)
            {
                // "three former co - workers"
                string compound = Lemmas.Lower(W(k)) + "-" + Lemmas.Singular(W(second));
                Emit(output, hit, start, words[second].End, QuantityKind.Count, 1, compound, compound, qualifier, nearly);
                resume = second + 1;
                return true;
            }
            if (ModelCode(W(k)) is int letters)
            {
                // "seven AK-47s": the model's plural is what is counted; "seven AK-47 assault rifles": a modifier.
                if (letters == W(k).Length - 1 && k == j)
                {
                    string code = Lemmas.Lower(W(k)[..letters]);
                    Emit(output, hit, start, words[k].End, QuantityKind.Count, 1, code, code, qualifier, nearly);
                    resume = k + 1;
                    return true;
                }
                if (words[k].BreakAfter) return false;
                continue;
            }
            if (words[k].Has(WordMarks.HasDigit) || lex[k].Is(WordClass.Cardinal)) return false;
            bool modifier = Is(k, "more") || Is(k, "other") || Is(k, "additional");
            if (!modifier && (lex[k].Is(WordClass.Stop) || lex[k].Is(WordClass.Auxiliary))) return false;
            if (heads.IsPluralNoun(k) || k == j && IsPeoplePlural(k))
            {
                int head = k;
                while (head + 1 < n && !words[head].BreakAfter && heads.IsPluralNoun(head + 1) && !Lemmas.LooksVerbal(W(head + 1))) head++;
                string unit = Lemmas.Singular(W(head));
                // "300 crew members", "four family members": members of the body the noun before names, not members at large.
                if (unit == "member" && head > j && MemberBodies.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(head - 1)))
                    unit = Lemmas.Lower(W(head - 1)) + " member";
                Emit(output, hit, start, words[head].End, QuantityKind.Count, 1, unit, unit, qualifier, nearly);
                resume = head + 1;
                return true;
            }
            if (words[k].BreakAfter) return false;
        }
        return false;
    }

    // Bodies whose members a count may name ("crew members", "family members", "gang members").
    private static readonly FrozenSet<string> MemberBodies = new[]
    {
        "crew", "family", "staff", "gang", "board", "party", "cabinet", "band", "team", "church", "club", "council",
        "committee", "jury", "union", "parliament", "congress", "cult", "militia", "household",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A model code: a capital letter, then letters, a hyphen perhaps, and digits ("AK-47", "M16", "F-16s", "MiG-29"), with
    /// at most a plural "s" after the digits. Returns the length without that "s"; null for anything else (a plain number,
    /// "3rd", "10am", "COVID-19" counts too: it names a thing, not a quantity).
    /// </summary>
    internal static int? ModelCode(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 12 || !char.IsAsciiLetterUpper(w[0])) return null;
        int i = 0;
        while (i < w.Length && char.IsAsciiLetter(w[i])) i++;
        if (i < w.Length && w[i] == '-') i++;
        int digits = i;
        while (i < w.Length && char.IsAsciiDigit(w[i])) i++;
        if (i == digits) return null;
        int end = i;
        if (i < w.Length && w[i] == 's') i++;
        return i == w.Length ? end : null;
    }

    /// <summary>
    /// "12 Somali and 11 Yemeni pirates": the first number counts the noun the second one names, each with its own
    /// capitalised modifier, so the claim reads "12 Somali" and counts Somalis (the same as "12 Somalis").
    /// </summary>
    private bool TryCoordinated(in Hit hit, int start, Qualifier qualifier, bool nearly, List<Quantity> output, out int resume)
    {
        resume = hit.Last + 1;
        int j = hit.Last + 1, m = j + 2, noun = j + 4;
        if (words[hit.Last].BreakAfter || noun >= n || !Capital(j) || !Is(j + 1, "and")) return false;
        if (!(words[m].Has(WordMarks.HasDigit) || lex[m].Is(WordClass.Cardinal)) || words[m].BreakAfter || !Capital(m + 1)) return false;
        if (!heads.IsPluralNoun(noun) || !IsLower(noun)) return false;
        // The people named is what is counted ("12 Somali" = 12 Somalis); the shared noun is its head.
        Emit(output, hit, start, words[j].End, QuantityKind.Count, 1, Lemmas.Lower(W(j)), Lemmas.Singular(W(noun)), qualifier, nearly);
        resume = j + 1;
        return true;

        bool Capital(int k) => words[k].Has(WordMarks.Capitalized) && !words[k].Has(WordMarks.HasDigit) && !words[k].BreakAfter && lex[k].Class == WordClass.None;
    }

    /// <summary>"12 Somalis", "11 Yemenis": a capitalised plural of a people, which the plural test ("-is" is no plural,
    /// as in "analysis") leaves out.</summary>
    private bool IsPeoplePlural(int k) =>
        k < n && words[k].Has(WordMarks.Capitalized) && !words[k].Has(WordMarks.HasDigit) && W(k).Length > 5 && IsAllLetters(W(k))
        && W(k).EndsWith("is", StringComparison.Ordinal) && lex[k].Class == WordClass.None;

    /// <summary>"Florencio Millan-Vazquez, 32, of Mexico": an age in apposition to a name.</summary>
    private int TryApposition(in Hit hit, List<Quantity> output)
    {
        int f = hit.First, l = hit.Last;
        if (!hit.Vague)
        {
            bool aged = f > 0 && (Is(f - 1, "aged") || Is(f - 1, "age")) && !words[f - 1].BreakAfter;
            // "Tom Tennant and William Hakim, both 51, died": one age for the two names before it.
            bool both = f > 1 && Is(f - 1, "both") && words[f - 2].Has(WordMarks.CommaAfter) && words[f - 2].Has(WordMarks.Capitalized)
                && (words[l].Has(WordMarks.CommaAfter) || words[l].Has(WordMarks.StopAfter) || words[l].Has(WordMarks.ClauseAfter));
            // "the first physician under age 40", "over age 65": a threshold of age, not someone's age.
            if (aged && f > 1 && (Is(f - 2, "under") || Is(f - 2, "over") || Is(f - 2, "below") || Is(f - 2, "above"))) return l + 1;
            aged |= both;
            bool apposition = f > 0 && words[f - 1].Has(WordMarks.CommaAfter) && words[f - 1].Has(WordMarks.Capitalized)
                && !words[f - 1].Has(WordMarks.HasDigit) && !lex[f - 1].Is(WordClass.Month) && !lex[f - 1].Is(WordClass.Weekday)
                && (words[l].Has(WordMarks.CommaAfter) || words[l].Has(WordMarks.StopAfter) || words[l].Has(WordMarks.ClauseAfter)
                    // "John Jenkin, 23 and from Cumbria": the age, then where the person is from.
                    || Is(l + 1, "and") && !words[l].BreakAfter && (Is(l + 2, "from") || Is(l + 2, "of")))
                // "Windows XP, Vista, 7, 8": a number followed by another is an item of a list, not an age.
                && !(words[l].Has(WordMarks.CommaAfter) && l + 1 < n && words[l + 1].Has(WordMarks.HasDigit));
            if ((aged || apposition) && hit.Value is >= 1 and <= 120 && hit.Value == Math.Floor(hit.Value) && double.IsNaN(hit.High)
                && hit.Currency is null && !hit.Percent)
            {
                int start = words[aged ? f - 1 : f].Start;
                output.Add(new Quantity(start, words[l].End, QuantityKind.Age, hit.Value, hit.Value, hit.Value, "year", "age", Qualifier.Exact));
            }
        }
        return l + 1;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsLetter(c)) return false;
        return true;
    }
}
