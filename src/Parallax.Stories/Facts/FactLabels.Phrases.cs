using System.Collections.Frozen;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// The words of the sentence a fact's label is read from, and the phrases built from them: the head word as printed,
/// whether it is used as a verb, the subject before it ("the jury" deliberated, "he" was held) and the clause they make
/// ("the jury deliberated", "he was held"). A label is built once per fact, so this works on plain word lists.
/// </summary>
internal sealed class LabelSentence
{
    private readonly string text;
    private readonly List<(int Start, int End)> words = [];   // letters, digits, hyphens and apostrophes inside a word
    private readonly List<bool> breakBefore = [];              // punctuation between this word and the one before
    private readonly int quantityFirst = -1, quantityLast = -1; // the quantity's words
    private readonly IReadOnlyCollection<string> names;

    public LabelSentence(string text, TextSpan sentence, TextSpan quantity, IReadOnlyCollection<string> names)
    {
        this.text = text;
        this.names = names;
        bool pendingBreak = true;
        int i = sentence.Start, end = Math.Min(sentence.End, text.Length);
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '\u2019') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))) i++;
                words.Add((s, i));
                breakBefore.Add(pendingBreak);
                pendingBreak = false;
                if (s < quantity.End && i > quantity.Start)
                {
                    if (quantityFirst < 0) quantityFirst = words.Count - 1;
                    quantityLast = words.Count - 1;
                }
                continue;
            }
            // A hyphen standing alone joins a tokenised compound ("38 - year - old"); two in a row are a dash ("Bam - - situated").
            if (!char.IsWhiteSpace(c) && (c != '-' || i + 2 < end && text[i + 2] == '-')) pendingBreak = true;
            i++;
        }
    }

    public int Count => words.Count;
    public int QuantityFirst => quantityFirst;
    public int QuantityLast => quantityLast;

    public ReadOnlySpan<char> Word(int i) => text.AsSpan(words[i].Start, words[i].End - words[i].Start);
    public string Lower(int i) => Word(i).ToString().ToLowerInvariant();
    private bool Is(int i, string w) => i >= 0 && i < words.Count && Word(i).Equals(w, StringComparison.OrdinalIgnoreCase);
    private bool IsAny(int i, FrozenSet<string> set) => i >= 0 && i < words.Count && set.Contains(Lower(i));
    private bool Capitalised(int i) => char.IsUpper(Word(i)[0]);

    /// <summary>The word after the quantity, lower-cased ("ago", "later", "after"), or null.</summary>
    public string? After => quantityLast >= 0 && quantityLast + 1 < words.Count && !breakBefore[quantityLast + 1] ? Lower(quantityLast + 1) : null;

    /// <summary>The words right after the quantity start with the given ones ("in prison").</summary>
    public bool Follows(params string[] phrase)
    {
        if (quantityLast < 0) return false;
        for (int k = 0; k < phrase.Length; k++)
            if (!Is(quantityLast + 1 + k, phrase[k]) || breakBefore[quantityLast + 1 + k]) return false;
        return true;
    }

    /// <summary>The word of the sentence a head key names, nearest the quantity: one that starts with the key (its final
    /// "e" dropped: "negotiat" for "negotiate"), at most four letters longer, or whose verb base or singular is the key
    /// ("held" for "hold"). -1 when none does.</summary>
    public int Find(string key)
    {
        if (key.Length < 2) return -1;
        var stem = key.Length > 4 && key[^1] == 'e' ? key.AsSpan(0, key.Length - 1) : key.AsSpan();
        int best = -1, bestDistance = int.MaxValue;
        for (int i = 0; i < words.Count; i++)
        {
            if (i >= quantityFirst && i <= quantityLast && quantityFirst >= 0 && !Word(i).Contains(key, StringComparison.OrdinalIgnoreCase)) continue;
            var w = Word(i);
            bool match = w.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && w.Length <= key.Length + 4 && stem.Length >= 3
                         || w.Equals(key, StringComparison.OrdinalIgnoreCase)
                         || VerbForms.LooksVerbal(w) && VerbForms.Base(w) == key;
            // A word inside the quantity ("15-year veteran" tokenised as one word) only names the part after the number.
            if (!match) continue;
            int distance = quantityFirst < 0 ? i : Math.Min(Math.Abs(i - quantityFirst), Math.Abs(i - quantityLast));
            if (distance < bestDistance) { best = i; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>A number word ("three", "dozens").</summary>
    public bool IsNumber(int i) => IsAny(i, Numbers);

    /// <summary>True when the word at <paramref name="i"/> is used as a verb: a verb form ("deliberated", "hitting", "held")
    /// not after a determiner ("the shooting"), or any word after "to" or a subject pronoun.</summary>
    public bool IsVerb(int i)
    {
        if (i < 0) return false;
        var w = Word(i);
        if (IsAny(i, IngNouns) || IsAny(i, Numbers)) return false;
        if (i > 0 && !breakBefore[i] && (Is(i - 1, "to") || IsAny(i - 1, Pronouns) || IsAny(i - 1, Auxiliaries) || IsAny(i - 1, Relatives)))
            return !IsAny(i, Determiners);
        if (!VerbForms.LooksVerbal(w)) return false;
        // "the shooting", "Ortiz's killing", "Friday morning": a verb form after a determiner, a possessive or a name is a noun.
        return i == 0 || breakBefore[i] || !IsAny(i - 1, Determiners) && !Word(i - 1).EndsWith("'s", StringComparison.OrdinalIgnoreCase)
            && !(w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && Capitalised(i - 1));
    }

    /// <summary>
    /// The clause of the verb at <paramref name="i"/> in the past, with its subject: "the jury deliberated", "he was held",
    /// "police locked down". Null when no subject stands right before the verb (after auxiliaries and adverbs).
    /// </summary>
    public string? Clause(int i)
    {
        int j = i - 1;
        var aux = new List<string>();
        while (j >= 0 && !breakBefore[j + 1] && (IsAny(j, Auxiliaries) || IsAny(j, Adverbs) || Word(j).EndsWith("ly", StringComparison.OrdinalIgnoreCase) && Word(j).Length > 4))
        {
            if (IsAny(j, Auxiliaries)) aux.Insert(0, Lower(j));
            j--;
        }
        if (j < 0 || breakBefore[j + 1]) return null;
        string? subject = Subject(j);
        if (subject is null) return null;
        bool plural = subject is "they" or "we" or "you" || !Capitalised(j) && IsPlural(j);
        return subject + " " + VerbPhrase(i, aux, plural);
    }

    /// <summary>True when the verb at <paramref name="i"/> is a participle after a form of "be" ("was held").</summary>
    public bool IsPassive(int i)
    {
        if (!VerbForms.IsPast(Word(i)) || Word(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return false;
        for (int j = i - 1; j >= 0 && j >= i - 3 && !breakBefore[j + 1]; j--)
            if (IsAny(j, BeForms)) return true;
        return false;
    }

    /// <summary>The verb at <paramref name="i"/> in its three forms, built from the form the sentence prints where it can
    /// ("fired" → "firing", not from a stem "fir").</summary>
    public (string Past, string Participle, string Gerund) Forms(int i)
    {
        var w = Word(i);
        string printed = w.ToString().ToLowerInvariant();
        string lemma = VerbForms.Base(w);
        if (printed.EndsWith("ing", StringComparison.Ordinal) && printed.Length > 4)
            return (VerbForms.Past(lemma), VerbForms.Participle(lemma), printed);
        if (printed.Length > 3 && printed.EndsWith("ed", StringComparison.Ordinal))
        {
            string gerund = printed.EndsWith("ied", StringComparison.Ordinal) ? printed[..^3] + "ying"
                : printed.EndsWith("eed", StringComparison.Ordinal) ? printed[..^1] + "ing"
                : printed[..^2] + "ing";
            return (printed, printed, gerund);
        }
        return (VerbForms.Past(lemma), VerbForms.Participle(lemma), VerbForms.Gerund(lemma));
    }

    /// <summary>The verb at <paramref name="i"/> as a past-tense phrase: "deliberated"; "was held" for a passive; its
    /// particle kept ("locked down").</summary>
    private string VerbPhrase(int i, List<string> aux, bool plural)
    {
        var w = Word(i);
        string verb;
        // "was held", "were married": a participle after a form of "be" stays passive.
        string? be = aux.LastOrDefault(a => a is "was" or "were" or "is" or "are" or "been" or "be");
        if (be is not null && VerbForms.IsPast(w) && !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            verb = (be is "is" or "was" || be is "been" or "be" && !plural ? "was " : "were ") + w.ToString().ToLowerInvariant();
        else if (VerbForms.IsPast(w) && !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) verb = w.ToString().ToLowerInvariant();
        else verb = Forms(i).Past;
        if (i + 1 < words.Count && !breakBefore[i + 1] && IsAny(i + 1, Particles)) verb += " " + Lower(i + 1);
        return verb;
    }

    /// <summary>The words a verb at <paramref name="i"/> takes as its object, up to the first preposition, break or the
    /// quantity: " passengers aboard" in "kept passengers aboard for 40 minutes", " the busy neighbourhood"; or "".</summary>
    public string Object(int i)
    {
        int k = i + 1;
        if (k < words.Count && !breakBefore[k] && IsAny(k, Particles)) k++;
        int first = k, last = -1;
        for (; k < words.Count && k - first < 4 && !breakBefore[k] && (quantityFirst < 0 || k < quantityFirst || k > quantityLast); k++)
        {
            if (IsAny(k, Determiners)) continue;
            if (!IsNounish(k) && !IsAny(k, Particles) || Capitalised(k) && !IsAny(k - 1, Determiners)) break;
            last = k;
        }
        if (last < 0) return "";
        var parts = new List<string>();
        for (int j = first; j <= last; j++) parts.Add(IsAny(j, Determiners) ? Lower(j) : Word(j).ToString());
        return " " + string.Join(' ', parts);
    }

    /// <summary>The last noun of the phrase a word opens ("second smaller boat" → "boat", "third upper management
    /// official" → "official"), up to three words on, stopping at a verb, a preposition or a break.</summary>
    public int PhraseHead(int i)
    {
        int k = i;
        while (k + 1 < words.Count && k + 1 - i <= 3 && !breakBefore[k + 1] && IsNounish(k + 1) && !Capitalised(k + 1) && !VerbForms.IsPast(Word(k + 1))) k++;
        return k;
    }

    /// <summary>A unit of height near the quantity ("5 foot, 8 inch", "six feet tall"): within three words either side.</summary>
    public bool NearHeight()
    {
        if (quantityFirst < 0) return false;
        for (int k = Math.Max(0, quantityFirst - 3); k <= Math.Min(words.Count - 1, quantityLast + 3); k++)
        {
            if (k >= quantityFirst && k <= quantityLast) continue;
            if (Is(k, "tall") || k > quantityLast && (Is(k, "inch") || Is(k, "inches")) || k < quantityFirst && (Is(k, "foot") || Is(k, "feet")))
                return true;
        }
        return false;
    }

    /// <summary>The verb right after a noun that is its subject ("supervisors kept"), or -1.</summary>
    public int VerbAfter(int i) =>
        i + 1 < words.Count && !breakBefore[i + 1] && (quantityFirst < 0 || i + 1 < quantityFirst || i + 1 > quantityLast)
        && VerbForms.IsPast(Word(i + 1)) && !IsAny(i + 1, Function) ? i + 1 : -1;

    /// <summary>The particle after a verb ("over" in "pulled over"), or "".</summary>
    public string Particle(int i) => i + 1 < words.Count && !breakBefore[i + 1] && IsAny(i + 1, Particles) ? " " + Lower(i + 1) : "";

    /// <summary>A pronoun or a short noun phrase ending at <paramref name="j"/>: "he", "the jury", "state police",
    /// "Orozco". Null for anything else (a number, a preposition, a relative "who").</summary>
    private string? Subject(int j)
    {
        if (IsAny(j, Pronouns)) return Is(j, "I") || Is(j, "we") || Is(j, "you") ? null : Lower(j);
        int first = j;
        while (first >= 0 && j - first < 4 && IsNounish(first) && (first == j || !breakBefore[first + 1])) first--;
        first++;
        if (first > j) return null;
        // A phrase after a number is its modifier's tail ("35 - year - old deputy"), not a subject.
        if (first > 0 && !breakBefore[first] && (char.IsDigit(Word(first - 1)[0]) || IsAny(first - 1, Numbers))) return null;
        // "that Katie": a determiner only opens a common noun phrase.
        bool determiner = first > 0 && !breakBefore[first] && IsAny(first - 1, Determiners) && !Capitalised(j);
        bool named = Capitalised(first) && !IsAny(first, Collectives) && (first > 0 || first < j && Capitalised(first + 1) || IsNamed(Word(first).ToString()));
        // A bare common noun phrase is a subject only as one plural or collective word ("police", "jurors"): "barren
        // island was hit" has lost its determiner to a conjunction.
        if (!determiner && !named && !IsPlural(j)) return null;
        if (determiner) first--;
        var parts = new List<string>();
        for (int k = first; k <= j; k++)
        {
            string w = Word(k).ToString();
            // A sentence's first word is capitalised by position only, unless a name goes on ("Police" → "police",
            // "Prime Minister George Papandreou" stays).
            if (k == 0 && !named || IsAny(k, Determiners)) w = w.ToLowerInvariant();
            parts.Add(w);
        }
        return string.Join(' ', parts);
    }

    private bool IsPlural(int j) => IsAny(j, Collectives) || Word(j).EndsWith("s", StringComparison.OrdinalIgnoreCase) && !Word(j).EndsWith("ss", StringComparison.OrdinalIgnoreCase);

    private bool IsNamed(string w) => names.Any(n => n == w || n.StartsWith(w + " ", StringComparison.Ordinal) || n.EndsWith(" " + w, StringComparison.Ordinal));

    private bool IsNounish(int k)
    {
        var w = Word(k);
        if (IsAny(k, Determiners) || IsAny(k, Pronouns) || IsAny(k, Auxiliaries) || IsAny(k, Function) || IsAny(k, Adverbs) || IsAny(k, Numbers)) return false;
        if (char.IsDigit(w[0])) return false;
        return Capitalised(k) || !VerbForms.LooksVerbal(w);
    }

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my", "your", "each", "every",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "it", "they", "we", "i", "you" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "will", "would", "could", "can", "may", "might",
        "should", "must", "did", "does", "do",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BeForms = new[] { "was", "were", "is", "are", "be", "been", "being" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Relatives = new[] { "who", "which", "that" }.ToFrozenSet(StringComparer.Ordinal);

    // Nouns a subject may be without a determiner ("police locked down the street").
    private static readonly FrozenSet<string> Collectives = new[] { "police", "staff", "personnel", "security", "firefighters" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Nouns ending in "-ing" that are no verb forms.
    private static readonly FrozenSet<string> IngNouns = new[]
    {
        "morning", "evening", "building", "ceiling", "thing", "something", "nothing", "anything", "everything", "king", "ring",
        "spring", "string", "wing", "during", "meeting", "wedding", "funeral", "bring",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Numbers = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens", "first", "second", "third",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Adverbs = new[] { "not", "also", "then", "still", "just", "only", "never", "already", "even" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = new[] { "down", "up", "out", "over", "off", "away", "back" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Words that never head a subject: prepositions, conjunctions, relatives.
    private static readonly FrozenSet<string> Function = new[]
    {
        "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "and", "or", "but", "who", "which", "that", "when",
        "while", "after", "before", "as", "if", "than", "about", "since", "until", "because", "where", "there", "here", "said",
        "says", "say", "what", "whom", "whose", "so", "no", "all", "some", "many", "more", "most", "other", "such", "him", "them",
        "me", "us", "her", "it", "both", "either", "neither", "per", "a", "an", "the", "against", "around", "near", "over", "under",
        "through", "across", "within", "without", "behind", "between", "among", "toward", "towards", "outside", "inside", "despite",
        "like", "off", "up", "down", "out", "along", "amid", "beyond", "via",
    }.ToFrozenSet(StringComparer.Ordinal);
}
