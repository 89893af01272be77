using System.Collections.Frozen;

namespace Parallax.Ingest.Html;

/// <summary>
/// The most frequent function words of the languages news pages are mostly written in (English, German, French,
/// Spanish, Italian, Portuguese, Dutch, Polish): running prose is full of them, menus and link lists are not. The
/// lists are short on purpose; a block's share of them is what counts, not completeness.
/// </summary>
internal static class StopWords
{
    private static readonly string[] Words =
    [
        // English
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "she", "this", "are", "or", "his", "her", "from", "at", "which", "but", "have", "an", "had", "they", "you",
        "were", "their", "been", "has", "would", "will", "its", "said", "who", "we", "there", "when", "than", "into", "more",
        // German
        "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
        "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird",
        "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur",
        "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "wir", "ich", "kann", "daß",
        // French
        "le", "la", "les", "de", "des", "et", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "sur", "au",
        "ne", "il", "elle", "par", "plus", "ce", "se", "avec", "sont", "aux", "ou", "son", "sa", "mais", "nous", "vous",
        // Spanish, Italian, Portuguese
        "el", "los", "las", "y", "en", "por", "con", "para", "del", "una", "su", "al", "lo", "como", "es", "se", "e",
        "il", "di", "che", "non", "per", "della", "sono", "da", "nel", "o", "não", "do", "da", "em", "os", "com", "uma",
        // Dutch
        "het", "een", "van", "en", "niet", "op", "dat", "zijn", "voor", "met", "ook", "maar", "te", "aan", "bij", "wordt",
        // Polish
        "i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "ale", "po", "co", "tak", "za", "od",
    ];

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
