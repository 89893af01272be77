using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// A wire story's dateline: "TEHRAN ( AFP ) -", "NAIROBI (Reuters) -", "KANSAS CITY, Mo. (AP) --", opening a sentence.
/// The form itself is the evidence: one to three words in capitals (the place, with an optional ", STATE" or
/// ", Month Day"), then a parenthesised agency of one to three capitalised words, then a dash. The place and the agency
/// replace whatever else the rules or the tagger made of those words. Linear in tokens; nothing allocated unless a
/// dateline is found.
/// </summary>
internal static class Datelines
{
    public static void Apply(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, List<EntityMention> mentions)
    {
        List<EntityMention>? found = null;
        foreach (var s in sentences)
        {
            if (!Match(text, tokens, s.FirstToken, s.EndToken, out int placeEnd, out int agencyStart, out int agencyEnd)) continue;
            found ??= [];
            found.Add(new EntityMention(tokens[s.FirstToken].Start, tokens[placeEnd - 1].End, EntityType.Place));
            found.Add(new EntityMention(tokens[agencyStart].Start, tokens[agencyEnd - 1].End, EntityType.Org));
        }
        if (found is not null) Replace(mentions, found);
    }

    /// <summary>Tokens [first, placeEnd) name the place and [agencyStart, agencyEnd) the agency.</summary>
    internal static bool Match(string text, IReadOnlyList<Token> tokens, int first, int end, out int placeEnd, out int agencyStart, out int agencyEnd)
    {
        placeEnd = agencyStart = agencyEnd = 0;
        int k = first;
        while (k < end && k - first < 3 && IsCapitals(text, tokens[k])) k++;
        if (k == first) return false;
        placeEnd = k;
        // ", MO", ", Calif.", ", May 4", ", Aug 30": up to three short tokens before the parenthesis.
        if (k < end && text[tokens[k].Start] == ',')
        {
            int stop = Math.Min(end, k + 5);
            k++;
            while (k < stop && text[tokens[k].Start] != '(') k++;
        }
        if (k + 3 >= end || text[tokens[k].Start] != '(') return false;
        agencyStart = ++k;
        while (k < end && k - agencyStart < 3 && tokens[k].Kind == TokenKind.Word && char.IsUpper(text[tokens[k].Start])) k++;
        if (k == agencyStart || k + 1 >= end || text[tokens[k].Start] != ')') return false;
        agencyEnd = k;
        var dash = text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length);
        return dash is "-" or "--" or "\u2013" or "\u2014";
    }

    private static bool IsCapitals(string text, Token t)
    {
        if (t.Kind != TokenKind.Word || t.Length < 2) return false;
        foreach (var c in text.AsSpan(t.Start, t.Length))
            if (!char.IsUpper(c) && c is not ('.' or '-' or '\'')) return false;
        return true;
    }

    /// <summary>Puts each of <paramref name="found"/> (in text order) in place of the mentions overlapping it, keeping the
    /// list in order: one merge pass, whatever the number of datelines.</summary>
    private static void Replace(List<EntityMention> mentions, List<EntityMention> found)
    {
        var merged = new List<EntityMention>(mentions.Count + found.Count);
        int i = 0;
        foreach (var f in found)
        {
            while (i < mentions.Count && mentions[i].End <= f.Start) merged.Add(mentions[i++]);
            while (i < mentions.Count && mentions[i].Start < f.End) i++;
            merged.Add(f);
        }
        while (i < mentions.Count) merged.Add(mentions[i++]);
        mentions.Clear();
        mentions.AddRange(merged);
    }
}
