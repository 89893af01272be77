using System.Text;

namespace Parallax.Ingest;

/// <summary>Text as a list of lower-cased words (runs of letters and digits): what copy detection and text-overlap
/// scores compare, so punctuation, case and white space never make two copies differ.</summary>
public static class TextWords
{
    public static List<string> Lower(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }
}
