namespace Parallax.Store;

/// <summary>
/// The words of a search, bounded: each distinct word once (the full-text index matches words without regard to case),
/// at most <see cref="MaxTerms"/> of them, and a time budget per search. Repeated words were each a phrase of their
/// own, and the index's cost grew about with the square of their number (500 words: 112 s).
/// </summary>
public static class SearchTerms
{
    /// <summary>Most distinct words one search takes.</summary>
    public const int MaxTerms = 16;

    /// <summary>Longest word kept (longer runs of letters are no word anyone searches for).</summary>
    public const int MaxWordChars = 64;

    /// <summary>How long one search (or one filtered list) may run before it is stopped.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>The message for a query with too many words (also what the page and the API say).</summary>
    public static string TooMany(int words) => $"a search takes at most {MaxTerms} different words (this one has {words}); use fewer";

    public const string TooSlow = "the search took longer than 2 seconds and was stopped; use fewer or rarer words";

    /// <summary>The distinct words of <paramref name="query"/>, in order; refuses more than <see cref="MaxTerms"/>.</summary>
    /// <exception cref="SearchRefusedException">More than <see cref="MaxTerms"/> distinct words.</exception>
    public static IReadOnlyList<string> Of(string query)
    {
        var words = Distinct(query, out int count);
        if (count > MaxTerms) throw new SearchRefusedException(TooMany(count));
        return words;
    }

    /// <summary>The problem with <paramref name="query"/> (too many words), or null when it can be run.</summary>
    public static string? Problem(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        Distinct(query, out int count);
        return count > MaxTerms ? TooMany(count) : null;
    }

    /// <summary>Distinct words (letters and digits), at most <see cref="MaxTerms"/> kept; <paramref name="count"/> is how
    /// many distinct words there are (counted up to a little past the limit).</summary>
    private static List<string> Distinct(string query, out int count)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var words = new List<string>();
        int i = 0;
        while (i < query.Length)
        {
            while (i < query.Length && !char.IsLetterOrDigit(query[i])) i++;
            int start = i;
            while (i < query.Length && char.IsLetterOrDigit(query[i])) i++;
            if (i == start) break;
            var word = query.Substring(start, Math.Min(i - start, MaxWordChars));
            if (!seen.Add(word)) continue;
            if (seen.Count > MaxTerms * 8) break; // enough to say how many more there are; the rest is not read
            if (words.Count < MaxTerms) words.Add(word);
        }
        count = seen.Count;
        return words;
    }
}

/// <summary>A search the store will not run (too many words) or stopped (over its time budget): a user error whose
/// message says what to change.</summary>
public sealed class SearchRefusedException(string message) : Exception(message);
