using System.Collections.Frozen;
using System.Text;
using Parallax.Eval.Coreference;

namespace Parallax.Eval.Ner;

/// <summary>
/// ECB+ documents as running news text: the corpus gives tokens ("U . S .", "did n't", "she ’ s", "16 - year - old",
/// "`` quoted ''"), which joined by spaces read unlike any article the pipeline meets. This puts the spaces back where
/// print has them, one sentence a line, so a tagger trained on the result sees the token stream our tokenizer makes of
/// real news. Page-address sentences (the first line of many ECB+ files) are left out.
/// </summary>
public static class EcbNewsText
{
    private static readonly FrozenSet<string> Clitics = new[] { "s", "t", "re", "ve", "ll", "d", "m", "S", "T" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The document's sentences as lines of print-spaced text.</summary>
    public static string Of(EcbPlusDocument doc)
    {
        var sb = new StringBuilder(doc.Text.Length);
        int i = 0;
        var tokens = doc.Tokens;
        while (i < tokens.Length)
        {
            int j = i;
            while (j < tokens.Length && tokens[j].Sentence == tokens[i].Sentence) j++;
            var words = tokens.Skip(i).Take(j - i).Select(t => t.Text).ToList();
            i = j;
            if (words[0].StartsWith("http", StringComparison.OrdinalIgnoreCase) || words[0].StartsWith("www", StringComparison.OrdinalIgnoreCase)) continue;
            if (sb.Length > 0) sb.Append('\n');
            AppendSentence(sb, words);
        }
        return sb.ToString();
    }

    private static void AppendSentence(StringBuilder sb, List<string> w)
    {
        bool quoteOpen = false, glueNext = true;
        for (int k = 0; k < w.Count; k++)
        {
            var t = w[k];
            string prev = k > 0 ? w[k - 1] : "", next = k + 1 < w.Count ? w[k + 1] : "";
            bool glue = glueNext;
            glueNext = false;
            if (t is "``" or "“") { t = "\""; quoteOpen = true; glueNext = true; }
            else if (t is "''" or "”") { t = "\""; quoteOpen = false; glue = true; }
            else if (t == "\"")
            {
                if (quoteOpen) glue = true; else glueNext = true;
                quoteOpen = !quoteOpen;
            }
            else if (t is "," or "." or ":" or ";" or "?" or "!" or ")" or "]" or "%" or "..." || t.StartsWith('\'') && t.Length > 1 || t == "n't")
            {
                glue = true;
                if (t == ":" && IsNumber(prev) && IsNumber(next)) glueNext = true;
            }
            else if (t is "(" or "[" or "$") glueNext = true;
            else if ((t is "'" or "’") && Clitics.Contains(next) && prev.Length > 0 && char.IsLetter(prev[^1])) { glue = true; glueNext = true; }
            else if (t == "-" && IsWord(prev) && IsWord(next)) { glue = true; glueNext = true; }
            // "U . S .", "p . m .": a letter after a letter's full stop continues the abbreviation
            else if (t.Length == 1 && char.IsLetter(t[0]) && k > 1 && w[k - 1] == "." && w[k - 2].Length == 1 && char.IsLetter(w[k - 2][0])) glue = true;
            if (!glue && sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
            sb.Append(t);
        }
    }

    private static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsDigit);

    private static bool IsWord(string s) => s.Length > 0 && char.IsLetterOrDigit(s[^1]) && char.IsLetterOrDigit(s[0]);
}
