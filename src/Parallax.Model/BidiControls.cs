namespace Parallax.Model;

/// <summary>
/// The bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069): one of them in a
/// title or cell reorders everything shown after it ("gpj.exe" read as "exe.jpg"). Pages drop them from what they show
/// and the terminal output escapes them; the stored text keeps them.
/// </summary>
public static class BidiControls
{
    public static bool Is(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    /// <summary>The text without them (the same string when it has none, the usual case).</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = 0;
        while (i < text.Length && !Is(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++) if (!Is(text[i])) sb.Append(text[i]);
        return sb.ToString();
    }
}
