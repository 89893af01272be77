namespace Parallax.Analysis.Text;

/// <summary>
/// Strict parsing of numerals and number words from spans. Strict on purpose: "1,000.5" is 1000.5, but "1.000,5",
/// "1e6", "3.5.1" and "12,34" are not numbers at all, because reading them would invent values.
/// </summary>
internal static class NumberParser
{
    /// <summary>Digits with optional thousands groups ("42,000") and an optional decimal part ("1.2", ".5").</summary>
    public static bool TryParseNumeral(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        int i = 0, n = s.Length;
        double whole = 0;
        int digits = 0, groupDigits = 0;
        bool grouped = false;
        while (i < n)
        {
            char c = s[i];
            if (c is >= '0' and <= '9')
            {
                whole = whole * 10 + (c - '0');
                digits++;
                groupDigits++;
                i++;
            }
            else if (c == ',')
            {
                // A thousands separator needs 1–3 digits before the first one and exactly 3 between the others.
                if (digits == 0 || (grouped ? groupDigits != 3 : groupDigits > 3)) return false;
                grouped = true;
                groupDigits = 0;
                i++;
                if (i >= n || !char.IsAsciiDigit(s[i])) return false;
            }
            else break;
        }
        if (grouped && groupDigits != 3) return false;
        if (i < n)
        {
            if (s[i] != '.' || i + 1 >= n) return false;
            i++;
            double scale = 0.1, frac = 0;
            int fracDigits = 0;
            while (i < n && char.IsAsciiDigit(s[i]))
            {
                frac += (s[i] - '0') * scale;
                scale /= 10;
                fracDigits++;
                i++;
            }
            if (fracDigits == 0 || i < n) return false;
            whole += frac;
            digits += fracDigits;
        }
        if (digits == 0 || digits > 15) return false;
        value = whole;
        return true;
    }

    /// <summary>Unicode vulgar fractions ("¼") and a numeral followed by one ("1½").</summary>
    public static bool TryParseWithFraction(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        double frac = VulgarFraction(s[^1]);
        if (frac < 0) return TryParseNumeral(s, out value);
        if (s.Length == 1) { value = frac; return true; }
        if (!TryParseNumeral(s[..^1], out var whole) || whole != Math.Floor(whole)) return false;
        value = whole + frac;
        return true;
    }

    private static double VulgarFraction(char c) => c switch
    {
        '\u00BC' => 0.25,
        '\u00BD' => 0.5,
        '\u00BE' => 0.75,
        '\u2153' => 1.0 / 3,
        '\u2154' => 2.0 / 3,
        '\u215B' => 0.125,
        _ => -1,
    };

    /// <summary>Ordinal numerals: "1st", "22nd", "3rd", "21st".</summary>
    public static bool TryParseOrdinalNumeral(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.Length < 3) return false;
        var suffix = s[^2..];
        if (!(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
            return false;
        var digits = s[..^2];
        if (digits.Length > 4) return false;
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        foreach (var c in digits) value = value * 10 + (c - '0');
        return value > 0;
    }

    /// <summary>
    /// A spelled-out number in one hyphenated or plain word: "twenty-one", "five", "dozen". Multi-word numbers
    /// ("one hundred twenty") are combined by <see cref="NumberWords"/>.
    /// </summary>
    public static bool TryParseWord(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        int hyphen = s.IndexOf('-');
        if (hyphen < 0)
        {
            var lex = QuantityLexicon.Get(s);
            if (!lex.Is(WordClass.Cardinal) || lex.Is(WordClass.Scale) && lex.Value != 12) return false;
            value = lex.Value;
            return true;
        }
        // "twenty-one": tens, hyphen, a unit 1–9.
        var tens = QuantityLexicon.Get(s[..hyphen]);
        var ones = QuantityLexicon.Get(s[(hyphen + 1)..]);
        if (!tens.Is(WordClass.Cardinal) || tens.Value < 20 || tens.Value > 90 || tens.Value % 10 != 0) return false;
        if (!ones.Is(WordClass.Cardinal) || ones.Value < 1 || ones.Value > 9) return false;
        value = tens.Value + ones.Value;
        return true;
    }
}

/// <summary>
/// Combines a run of number words left to right: "one hundred twenty-five" = 125, "two thousand" = 2000,
/// "two dozen" = 24, "1.2 million" (a numeral then a scale) = 1.2e6. Feed words with <see cref="TryAdd"/> until it
/// refuses one.
/// </summary>
internal struct NumberWords
{
    private double total;
    private double current;
    private int count;
    private bool lastWasScale;

    public readonly int Count => count;
    public readonly double Value => total + current;

    /// <summary>Starts from a numeral ("1.2" in "1.2 million").</summary>
    public void Seed(double numeral)
    {
        current = numeral;
        count = 1;
    }

    public bool TryAdd(ReadOnlySpan<char> word)
    {
        if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            // "one hundred and five": "and" only inside a number, after a scale.
            return count > 0 && lastWasScale;
        var lex = QuantityLexicon.Get(word);
        if (lex.Is(WordClass.Scale))
        {
            if (count == 0) return false;
            double scale = lex.Value;
            if (scale == 100 || scale == 12)
            {
                if (current == 0) return false;
                current *= scale;
            }
            else
            {
                if (current == 0 && total == 0) return false;
                total = (total + current) * scale;
                current = 0;
            }
            count++;
            lastWasScale = true;
            return true;
        }
        if (!NumberParser.TryParseWord(word, out var v)) return false;
        // After a unit word ("five") only a scale may follow; "five six" is two numbers.
        if (count > 0 && !lastWasScale && !(current % 100 >= 20 && current % 10 == 0 && v < 10 && current != 0)) return false;
        current += v;
        count++;
        lastWasScale = false;
        return true;
    }
}
