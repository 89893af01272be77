using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Eval.Coreference;

/// <summary>
/// Picks the named entity mentions of ECB+ and maps their types. ECB+ has no part-of-speech layer, so "proper-noun head"
/// is decided from spelling:
/// <list type="number">
/// <item>The head is the last token of the mention before its first post-modifier ("of", "in", "at", "from", "for",
/// "on", "with", "who", "which", "that", a comma or a bracket), skipping a trailing possessive "'s" token: the head of
/// "the mayor of Chicago" is "mayor", of "Seth MacFarlane 's" it is "MacFarlane".</item>
/// <item>The head is proper when its first character is an upper-case letter and it is not a personal pronoun ("I",
/// "She"); when the head stands where any word is capitalised (first token of a sentence, or right after an opening
/// quote, bracket, colon or dash) it also must never occur in lower case anywhere in the topic, so a sentence-initial
/// "Host" or "Police" is not a name while a sentence-initial "Utah" is. The same check applies anywhere in a
/// title-cased sentence (a headline where most words are capitalised).</item>
/// </list>
/// Types: HUMAN_PART_PER → Person, HUMAN_PART_ORG → Org, LOC_* → Place; other tags are not named-entity mentions here.
/// </summary>
public static class NamedMentions
{
    private static readonly FrozenSet<string> PostModifiers = new[]
    {
        "of", "in", "at", "from", "for", "on", "with", "who", "whose", "which", "that", ",", "(", "-LRB-", "[",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pronouns = new[]
    {
        "I", "Me", "My", "Mine", "We", "Us", "Our", "You", "Your", "He", "Him", "His", "She", "Her", "It", "Its", "They",
        "Them", "Their", "Who", "Whom", "Myself", "Himself", "Herself", "Themselves", "Itself", "Ourselves",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Openers = new[] { "\"", "``", "“", "'", "‘", "(", "[", ":", "-", "--", "—", "–" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The Parallax type of an ECB+ tag, or null when the tag is not a person, organisation or location.</summary>
    public static EntityType? TypeOf(string tag) => tag switch
    {
        "HUMAN_PART_PER" => EntityType.Person,
        "HUMAN_PART_ORG" => EntityType.Org,
        _ when tag.StartsWith("LOC_", StringComparison.Ordinal) => EntityType.Place,
        _ => null,
    };

    /// <summary>Every word seen in lower case in the given documents: the evidence that a capitalised sentence-initial
    /// word is a common word.</summary>
    public static FrozenSet<string> LowerCaseWords(IEnumerable<EcbPlusDocument> docs) =>
        docs.SelectMany(d => d.Tokens).Select(t => t.Text).Where(w => w.Length > 0 && char.IsLower(w[0]))
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Index (into the document's tokens) of the mention's head.</summary>
    public static int Head(EcbPlusDocument doc, EcbMention m)
    {
        int end = m.Tokens.Length;
        for (int i = 1; i < m.Tokens.Length; i++)
            if (PostModifiers.Contains(doc.Tokens[m.Tokens[i]].Text)) { end = i; break; }
        int h = end - 1;
        while (h > 0 && doc.Tokens[m.Tokens[h]].Text is "'s" or "'" or "’s" or "’") h--;
        return m.Tokens[h];
    }

    /// <summary>Whether the mention's head is a proper noun by the rule above.</summary>
    public static bool HasProperHead(EcbPlusDocument doc, EcbMention m, FrozenSet<string> lowerCaseWords)
    {
        int h = Head(doc, m);
        var word = doc.Tokens[h].Text;
        if (word.Length == 0 || !char.IsUpper(word[0]) || Pronouns.Contains(word)) return false;
        bool capitalisedPosition = doc.Tokens[h].Number == 0 || h == 0 || doc.Tokens[h - 1].Sentence != doc.Tokens[h].Sentence
                                   || Openers.Contains(doc.Tokens[h - 1].Text) || IsTitleCased(doc, doc.Tokens[h].Sentence, h);
        if (!capitalisedPosition) return true;
        // An all-capitals word ("FBI") is an acronym wherever it stands.
        if (word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c))) return true;
        return !lowerCaseWords.Contains(word.ToLowerInvariant());
    }

    /// <summary>Whether most words of the sentence around token <paramref name="at"/> are capitalised (a headline).</summary>
    private static bool IsTitleCased(EcbPlusDocument doc, int sentence, int at)
    {
        int words = 0, capitalised = 0;
        for (int i = at; i >= 0 && doc.Tokens[i].Sentence == sentence; i--) Count(doc.Tokens[i].Text);
        for (int i = at + 1; i < doc.Tokens.Length && doc.Tokens[i].Sentence == sentence; i++) Count(doc.Tokens[i].Text);
        return words >= 3 && capitalised * 4 >= words * 3;

        void Count(string w)
        {
            if (w.Length < 4 || !char.IsLetter(w[0])) return; // short function words are lower case even in headlines
            words++;
            if (char.IsUpper(w[0])) capitalised++;
        }
    }
}
