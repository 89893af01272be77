namespace Parallax.Analysis.Vectors;

/// <summary>The coarse form of a token, the last fallback of <see cref="WordVectors.Lookup"/> for words it does not know.</summary>
public enum WordShape : byte
{
    /// <summary>No letter or digit: punctuation and symbols (no entry).</summary>
    None,
    /// <summary>Lower-case word: "quarry".</summary>
    Lower,
    /// <summary>Capitalised word: "Kowalczyk".</summary>
    Capitalized,
    /// <summary>Two or more letters, all upper case: "NTSB".</summary>
    AllCaps,
    /// <summary>Mixed case past the first letter: "iPhone", "McAllister".</summary>
    MixedCase,
    /// <summary>Digits only: "1987".</summary>
    Digits,
    /// <summary>Digits with separators and no letter: "42,000", "6.5", "9/11".</summary>
    Number,
    /// <summary>Letters and digits together: "B737", "4th".</summary>
    Alphanumeric,
}

/// <summary>Classifies tokens into <see cref="WordShape"/> values.</summary>
public static class WordShapes
{
    /// <summary>Number of shape values.</summary>
    public const int Count = 8;

    /// <summary>The shape of <paramref name="token"/>.</summary>
    public static WordShape Of(ReadOnlySpan<char> token)
    {
        int letters = 0, uppers = 0, digits = 0;
        bool upperAfterFirst = false;
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (char.IsDigit(c)) digits++;
            else if (char.IsLetter(c))
            {
                if (char.IsUpper(c))
                {
                    if (letters > 0) upperAfterFirst = true;
                    uppers++;
                }
                letters++;
            }
        }
        if (letters == 0)
        {
            if (digits == 0) return WordShape.None;
            return digits == token.Length ? WordShape.Digits : WordShape.Number;
        }
        if (digits > 0) return WordShape.Alphanumeric;
        if (uppers == 0) return WordShape.Lower;
        if (uppers == letters) return letters >= 2 ? WordShape.AllCaps : WordShape.Capitalized;
        if (!upperAfterFirst) return WordShape.Capitalized;
        return WordShape.MixedCase;
    }
}
