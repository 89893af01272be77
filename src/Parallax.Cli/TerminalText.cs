using System.Globalization;
using System.Text;

namespace Parallax.Cli;

/// <summary>
/// Text from input (titles, origins, reasons quoting raw bytes) made safe to write to a terminal: control characters
/// (C0, DEL, C1) and bidirectional overrides and isolates are written as visible escapes (\x1b, \u202e), so an input
/// cannot set the window title (ESC]0;), clear the screen (ESC[2J) or reorder what a line shows. Tabs and line breaks
/// become spaces: every warning and table row stays one line.
/// </summary>
public static class TerminalText
{
    /// <param name="keep">Characters passed through as they are (a search snippet's match markers).</param>
    public static string Clean(string? text, string keep = "")
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        int i = 0;
        while (i < text.Length && !(Unsafe(text[i]) && !keep.Contains(text[i], StringComparison.Ordinal))) i++;
        if (i == text.Length) return text; // the usual case: nothing to change, nothing allocated
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!Unsafe(c) || keep.Contains(c, StringComparison.Ordinal)) sb.Append(c);
            else if (c is '\t' or '\n' or '\r') sb.Append(' ');
            else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static bool Unsafe(char c) => c < 0x20 || c is >= '\u007f' and <= '\u009f' || Parallax.Model.BidiControls.Is(c);
}
