using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// A lone capitalised word the document writes in two sentences or more ("written for Parallax.", "Run Parallax on …")
/// is a person only on person evidence in one of its mentions: a title or role, a first name, a word of a longer person
/// name the document gives ("Smith" beside "Rick Smith"), an age or role in apposition, or "he"/"she"/"his"/"her" in its
/// sentence or the next. A name repeated without any is left untyped (Other); the story stage still types it from a
/// person it links to. A name the document writes in one sentence only is left to the tagger: untyping lone names
/// without evidence cost report-level dev F1 (GUM 0.606 → 0.598, WNUT17 0.498 → 0.455: famous surnames need no
/// introduction), and names repeated within one sentence cost WNUT17 0.005 ("Please Shima come back"). Linear in tokens and mentions;
/// one string per multi-word person mention and per candidate word.
/// </summary>
internal static class LonePersons
{
    private static readonly FrozenSet<string> PersonPronouns = new[]
    {
        "he", "she", "him", "his", "her", "hers", "himself", "herself", "He", "She", "His", "Her",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Untype(Document doc, List<EntityMention> mentions, EntityLexicon lexicon)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        HashSet<string>? personWords = null;
        bool anyLone = false;
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Person) continue;
            var name = text.AsSpan(m.Start, m.End - m.Start);
            // A lone word with a title ("Mr. Tolliver") is evidence for its other mentions too.
            if (name.IndexOf(' ') < 0 && m.Title is null) { anyLone = true; continue; }
            personWords ??= new(StringComparer.Ordinal);
            foreach (var range in name.Split(' '))
                if (name[range].Length > 1) personWords.Add(name[range].ToString());
        }
        if (!anyLone) return;
        var words = personWords?.GetAlternateLookup<ReadOnlySpan<char>>();
        var pronouns = PersonPronouns.GetAlternateLookup<ReadOnlySpan<char>>();
        // Per candidate word: the sentences holding it, whether any mention has person evidence, its last sentence.
        Dictionary<string, (int Sentences, bool Evidence, int Last)>? seen = null;
        int s = 0, t = 0, pronounsOf = -1;
        bool pronounHere = false, pronounNext = false;
        foreach (var m in mentions)
        {
            if (!Candidate(text, m, lexicon, words, EntityType.Other)) continue;
            while (s < doc.Sentences.Length && doc.Sentences[s].End <= m.Start) s++;
            while (t < tokens.Length && tokens[t].Start < m.Start) t++;
            bool evidence = true;
            if (s < doc.Sentences.Length && t < tokens.Length)
            {
                // Pronouns of a person in this sentence or the next, read once per sentence (not once per mention: a
                // long sentence of names would cost mentions × tokens).
                if (pronounsOf != s)
                {
                    pronounHere = pronounsOf == s - 1 ? pronounNext : HasPronoun(text, tokens, doc.Sentences[s], pronouns);
                    pronounNext = s + 1 < doc.Sentences.Length && HasPronoun(text, tokens, doc.Sentences[s + 1], pronouns);
                    pronounsOf = s;
                }
                evidence = pronounHere || pronounNext || Apposed(text, tokens, t, doc.Sentences[s].EndToken);
            }
            seen ??= new(StringComparer.Ordinal);
            var key = text[m.Start..m.End];
            var (count, any, last) = seen.TryGetValue(key, out var v) ? v : (0, false, -1);
            seen[key] = (last == s ? count : count + 1, any || evidence, s);
        }
        if (seen is null) return;
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (Candidate(text, m, lexicon, words, EntityType.Person) && lookup.TryGetValue(text.AsSpan(m.Start, m.End - m.Start), out var v) && v.Sentences >= 2 && !v.Evidence)
                mentions[i] = m with { Type = EntityType.Other };
        }
    }

    /// <summary>A lone capitalised word in mixed case typed PERSON (or <paramref name="untyped"/>: the name's untyped
    /// mentions count as its mentions too) with no title, no first name and no longer person name
    /// in the document holding it. Shouted lines and lower-case names have their own rules.</summary>
    private static bool Candidate(string text, EntityMention m, EntityLexicon lexicon, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? words,
        EntityType untyped)
    {
        if (m.Type != EntityType.Person && m.Type != untyped || m.Title is not null) return false;
        var name = text.AsSpan(m.Start, m.End - m.Start);
        if (name.Length < 2 || name.IndexOf(' ') >= 0 || !char.IsUpper(name[0]) || !name[1..].ContainsAnyInRange('a', 'z')) return false;
        return !lexicon.FirstNameLookup.Contains(name) && !(words is { } w && w.Contains(name));
    }

    private static bool HasPronoun(string text, System.Collections.Immutable.ImmutableArray<Token> tokens, Sentence sentence,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> pronouns)
    {
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
            if (tokens[k].Kind == TokenKind.Word && pronouns.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length))) return true;
        return false;
    }

    /// <summary>"Tolliver, 54," / "Tolliver, a retired teacher": an age or a role noun in apposition.</summary>
    private static bool Apposed(string text, System.Collections.Immutable.ImmutableArray<Token> tokens, int t, int end)
    {
        if (t + 2 >= end || text[tokens[t + 1].Start] != ',') return false;
        if (tokens[t + 2].Kind == TokenKind.Number && tokens[t + 2].Length <= 3) return true;
        var roles = EntityLexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = t + 2; k < Math.Min(end, t + 6); k++)
            if (roles.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length))) return true;
        return false;
    }
}
