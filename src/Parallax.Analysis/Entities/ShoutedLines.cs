using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// Lines written in capitals: wire headlines ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .") and datelines
/// ("LONDON 1996-08-30"). Capitalisation, which the rules read, says nothing there, so the rules stay out; the tagger
/// reads such a line recased from the document's own evidence (<see cref="NerHeadlineCase"/>), and its spans stand
/// where a second piece of evidence agrees with a lone word: a place the gazetteer holds, a first name for a person, or
/// a word the rest of the document writes in mixed case. Shouted common words ("WOW !", "FREE", "NICE WORK") have none.
/// The press's major places ("JAPAN", "NEW ZEALAND") stand even where the tagger missed them.
/// </summary>
internal static class ShoutedLines
{
    /// <summary>Whether the sentence is written in capitals (no lower-case letter, a word of two or more letters).</summary>
    public static bool Applies(string text, ReadOnlySpan<Token> tokens) => tokens.Length > 0 && NerHeadlineCase.IsAllCaps(text, tokens);

    /// <summary>Adds the names of the shouted sentence <paramref name="tokens"/> (tagged into <paramref name="labels"/>).</summary>
    public static void Add(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> labels, EntityLexicon lexicon,
        List<EntityMention> mentions)
    {
        int before = mentions.Count;
        Span<bool> covered = tokens.Length <= 256 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        foreach (var (a, b, type) in NerLabels.Spans(labels[..tokens.Length]))
        {
            if (!Keep(text, tokens, a, b, type, lexicon)) continue;
            mentions.Add(new EntityMention(tokens[a].Start, tokens[b - 1].End, type));
            for (int k = a; k < b; k++) covered[k] = true;
        }
        // Major places the tagger left out ("CHINA IN SURPRISE DEFEAT"); two words before one ("NEW ZEALAND").
        for (int k = 0; k < tokens.Length; k++)
        {
            if (covered[k]) continue;
            if (k + 1 < tokens.Length && !covered[k + 1] && tokens[k + 1].Start - tokens[k].End == 1 && Major(text, tokens[k], tokens[k + 1], lexicon))
            {
                mentions.Add(new EntityMention(tokens[k].Start, tokens[k + 1].End, EntityType.Place));
                k++;
            }
            else if (tokens[k].Length > 3 && Major(text, tokens[k], tokens[k], lexicon))
                mentions.Add(new EntityMention(tokens[k].Start, tokens[k].End, EntityType.Place));
        }
        mentions.Sort(before, mentions.Count - before, ByStart);
    }

    /// <summary>A tagger span in capitals that a second piece of evidence backs: spans of two or more words whose last
    /// word is a name word; a lone word only with a gazetteer behind its type (place list for PLACE, first-name list
    /// for PERSON, an acronym-length word for ORG), and never a word the closed lists turn down.</summary>
    private static bool Keep(string text, ReadOnlySpan<Token> tokens, int a, int b, EntityType type, EntityLexicon lexicon)
    {
        if (tokens[b - 1].Kind != TokenKind.Word || tokens[a].Kind != TokenKind.Word) return false;
        Span<char> buffer = stackalloc char[48];
        var first = TitleCase(text, tokens[a], tokens[a], buffer);
        if (first.IsEmpty) return false;
        if (EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)) return false;
        if (b - a > 1) return true;
        var word = text.AsSpan(tokens[a].Start, tokens[a].Length);
        if (EntityLexicon.NotAcronyms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        if (lexicon.DemonymLookup.Contains(first)) return false;
        return type switch
        {
            EntityType.Place => lexicon.PlaceLookup.Contains(first),
            EntityType.Person => lexicon.FirstNameLookup.Contains(first) && !lexicon.PlaceLookup.Contains(first),
            EntityType.Org => tokens[a].Length <= 4 && !lexicon.PlaceLookup.Contains(first),
            _ => false,
        };
    }

    private static readonly Comparer<EntityMention> ByStart = Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start));

    private static bool Major(string text, Token first, Token last, EntityLexicon lexicon)
    {
        Span<char> buffer = stackalloc char[48];
        var name = TitleCase(text, first, last, buffer);
        return !name.IsEmpty && lexicon.MajorPlaceLookup.Contains(name);
    }

    /// <summary>"NEW ZEALAND" → "New Zealand" in <paramref name="buffer"/>; empty when too long. No allocation.</summary>
    private static ReadOnlySpan<char> TitleCase(string text, Token first, Token last, Span<char> buffer)
    {
        int length = last.End - first.Start;
        if (length > buffer.Length) return default;
        var span = text.AsSpan(first.Start, length);
        for (int i = 0; i < length; i++)
            buffer[i] = i == 0 || !char.IsLetter(span[i - 1]) ? span[i] : char.ToLowerInvariant(span[i]);
        return buffer[..length];
    }
}
