using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// Lines written in capitals: wire headlines ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .") and datelines
/// ("LONDON 1996-08-30"). Capitalisation, which the rules read, says nothing there, so the rules stay out; the tagger
/// reads such a line recased from the document's own evidence (<see cref="NerHeadlineCase"/>), and its spans stand
/// unless the closed lists turn them down (<see cref="Keep"/>); the press's major places ("JAPAN", "NEW ZEALAND") stand
/// even where the tagger missed them. Shouted common words ("WOW !", "FREE", "NICE WORK") are no names.
/// Report-level dev F1 on all-caps copies (GUM / UNER EWT / WNUT17): 0.146 / 0.126 / 0.012 with the rules reading the
/// capitals; 0.515 / 0.555 / 0.450 keeping a lone word only with a gazetteer behind its type; 0.531 / 0.590 / 0.494 as
/// here (lower precision, much higher recall; normal dev unchanged). Sentences in title case take the same filter
/// (<see cref="TitleCaseLines"/>).
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
        // Major places first ("CHINA IN SURPRISE DEFEAT"; two words before one: "NEW ZEALAND"): the tagger's span inside
        // one yields to it, a longer span holding one ("NEW ZEALAND CRICKET BOARD") wins over it.
        Span<byte> place = tokens.Length <= 256 ? stackalloc byte[tokens.Length] : new byte[tokens.Length];
        Span<bool> covered = tokens.Length <= 256 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        place.Clear();
        covered.Clear();
        for (int k = 0; k < tokens.Length; k++)
        {
            if (k + 1 < tokens.Length && tokens[k + 1].Start - tokens[k].End == 1 && Major(text, tokens[k], tokens[k + 1], lexicon))
                { place[k] = 2; place[k + 1] = 3; }
            else if (tokens[k].Length > 3 && Major(text, tokens[k], tokens[k], lexicon))
                place[k] = 1;
            if (place[k] == 2) k++;
        }
        foreach (var (a, b, type) in NerLabels.Spans(labels[..tokens.Length]))
        {
            if (InsidePlace(place, a, b) || !Keep(text, tokens, a, b, type, lexicon)) continue;
            // "BOEING SAYS …": as in mixed case, a lone name by a speech verb is no person on the verb's strength (companies
            // speak too); untyped, the story stage types it from the name's other mentions. Other lone shouted persons
            // stand ("CLINTON VISITS …"): on all-caps dev copies dropping them all cost recall and gained no precision.
            var kept = type == EntityType.Person && b - a == 1 && b < tokens.Length && SpeechVerb(text, tokens[b]) ? EntityType.Other : type;
            mentions.Add(new EntityMention(tokens[a].Start, tokens[b - 1].End, kept));
            for (int k = a; k < b; k++) covered[k] = true;
        }
        for (int k = 0; k < tokens.Length; k++)
        {
            if (place[k] == 0) continue;
            int last = place[k] == 2 ? k + 1 : k;
            if (!covered[k] && !covered[last]) mentions.Add(new EntityMention(tokens[k].Start, tokens[last].End, EntityType.Place));
            k = last;
        }
        mentions.Sort(before, mentions.Count - before, ByStart);
    }

    /// <summary>A tagger span in capitals that the closed lists do not turn down: no title opening it ("PRESIDENT"), no
    /// lone non-acronym ("TV", "UPDATE") or demonym ("AUSTRALIAN"), a lone PLACE only where the gazetteer holds it, and
    /// a lone person or organisation word no place ("NICE").</summary>
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
            EntityType.Person => !lexicon.PlaceLookup.Contains(first),
            EntityType.Org => !lexicon.PlaceLookup.Contains(first),
            _ => false,
        };
    }

    /// <summary>Whether tokens [a, b) lie inside one major place (<paramref name="place"/>: 1 a one-word place, 2 and 3
    /// the first and second word of a two-word one).</summary>
    private static bool InsidePlace(ReadOnlySpan<byte> place, int a, int b) => place[a] switch
    {
        1 or 3 => b - a == 1,
        2 => b - a <= 2,
        _ => false,
    };

    private static bool SpeechVerb(string text, Token t) => text.AsSpan(t.Start, t.Length) switch
    {
        var w => w.Equals("SAYS", StringComparison.OrdinalIgnoreCase) || w.Equals("SAID", StringComparison.OrdinalIgnoreCase)
            || w.Equals("SAY", StringComparison.OrdinalIgnoreCase) || w.Equals("TELLS", StringComparison.OrdinalIgnoreCase)
            || w.Equals("TOLD", StringComparison.OrdinalIgnoreCase),
    };

    private static readonly Comparer<EntityMention> ByStart = Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start));

    private static bool Major(string text, Token first, Token last, EntityLexicon lexicon)
    {
        Span<char> buffer = stackalloc char[48];
        var name = TitleCase(text, first, last, buffer);
        return !name.IsEmpty && lexicon.MajorPlaceLookup.Contains(name);
    }

    /// <summary>"NEW ZEALAND" → "New Zealand" in <paramref name="buffer"/>; empty when too long. No allocation.</summary>
    private static ReadOnlySpan<char> TitleCase(string text, Token first, Token last, Span<char> buffer) =>
        TitleCase(text.AsSpan(first.Start, last.End - first.Start), buffer);

    /// <summary>Each word's first letter kept, the rest lower case ("KANSAS CITY" → "Kansas City"), written into
    /// <paramref name="buffer"/>; empty when it does not fit. The one title-casing of shouted words.</summary>
    internal static ReadOnlySpan<char> TitleCase(ReadOnlySpan<char> span, Span<char> buffer)
    {
        if (span.Length > buffer.Length) return default;
        for (int i = 0; i < span.Length; i++)
            buffer[i] = i == 0 || !char.IsLetter(span[i - 1]) ? span[i] : char.ToLowerInvariant(span[i]);
        return buffer[..span.Length];
    }
}
