using System.Text;

namespace Parallax.Report;

/// <summary>
/// HTML encoding straight into the output writer. Encodes &lt; &gt; &amp; " and ' everywhere, so the same call is
/// safe in text and in double-quoted attribute values; replaces control characters that HTML forbids and drops
/// bidirectional overrides (<see cref="Parallax.Model.BidiControls"/>).
/// </summary>
internal static class Html
{
    public static void Encode(TextWriter w, ReadOnlySpan<char> text)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? entity = c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                _ when char.IsControl(c) => "\uFFFD",
                _ when Parallax.Model.BidiControls.Is(c) => "", // would reorder what follows: dropped from what is shown
                _ => null,
            };
            if (entity is null) continue;
            if (i > run) w.Write(text[run..i]);
            w.Write(entity);
            run = i + 1;
        }
        if (run < text.Length) w.Write(text[run..]);
    }

    public static void Encode(TextWriter w, string? text) => Encode(w, text.AsSpan());

    /// <summary>The encoded string, for the rare place that needs one (tests, attribute building).</summary>
    public static string Encode(string text)
    {
        using var sw = new StringWriter(new StringBuilder(text.Length + 16), System.Globalization.CultureInfo.InvariantCulture);
        Encode(sw, text.AsSpan());
        return sw.ToString();
    }

    /// <summary>A fragment id built from input: only [A-Za-z0-9_-] survive, so ids stay valid and linkable.
    /// (It is still encoded on output; this is about validity, not safety.)</summary>
    public static string Id(string prefix, string raw)
    {
        var sb = new StringBuilder(prefix.Length + raw.Length);
        sb.Append(prefix);
        foreach (char c in raw) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.ToString();
    }
}
