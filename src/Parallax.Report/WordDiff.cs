using System.Buffers;
using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>What happened to one token between side A and side B.</summary>
public enum DiffKind : byte
{
    /// <summary>In both sides.</summary>
    Same,
    /// <summary>Only in A.</summary>
    Deleted,
    /// <summary>Only in B.</summary>
    Inserted,
}

/// <summary>
/// One step of a word diff. <see cref="A"/> is the token index in side A (for <see cref="DiffKind.Same"/> and
/// <see cref="DiffKind.Deleted"/>, else -1); <see cref="B"/> likewise for side B. <see cref="Unaligned"/> marks tokens
/// past the alignment cap: they are listed so both sides still rebuild, but must not be shown as changes.
/// </summary>
public readonly record struct DiffOp(DiffKind Kind, int A, int B, bool Unaligned = false);

/// <summary>
/// A word-level diff of two short texts (sentences, quotes) by longest common subsequence.
/// Tokens compare ignoring case and typographic quote style, because "I’m" and "I'm" are not a difference a reader
/// of the same quote cares about.
/// </summary>
/// <remarks>
/// Cost is bounded: the common prefix and suffix are stripped in linear time, then the LCS table covers at most
/// <c>maxTokens</c> tokens of each side's remaining middle (≤ 40,401 cells at the default). Tokens past the cap are
/// emitted as unaligned and left unmarked, so a long sentence cannot blow up time or memory.
/// </remarks>
public sealed class WordDiff
{
    /// <summary>The default cap on aligned tokens per side.</summary>
    public const int DefaultMaxTokens = 200;

    private WordDiff(string a, string b, ImmutableArray<TextSpan> tokensA, ImmutableArray<TextSpan> tokensB,
        ImmutableArray<DiffOp> ops, bool complete)
    {
        A = a;
        B = b;
        TokensA = tokensA;
        TokensB = tokensB;
        Ops = ops;
        Complete = complete;
    }

    /// <summary>Side A.</summary>
    public string A { get; }

    /// <summary>Side B.</summary>
    public string B { get; }

    /// <summary>Tokens of <see cref="A"/> as spans into it.</summary>
    public ImmutableArray<TextSpan> TokensA { get; }

    /// <summary>Tokens of <see cref="B"/> as spans into it.</summary>
    public ImmutableArray<TextSpan> TokensB { get; }

    /// <summary>The steps in reading order: every token of A and of B appears exactly once.</summary>
    public ImmutableArray<DiffOp> Ops { get; }

    /// <summary>False when the cap left some tokens unaligned.</summary>
    public bool Complete { get; }

    /// <summary>True when some aligned word differs. Punctuation alone ("choice," vs "choice") does not count:
    /// quotes and sentences are cut with or without their trailing comma, and marking that is noise.</summary>
    public bool HasChanges
    {
        get
        {
            foreach (var op in Ops)
            {
                if (op.Kind == DiffKind.Same || op.Unaligned) continue;
                var token = op.Kind == DiffKind.Deleted ? TokensA[op.A].In(A) : TokensB[op.B].In(B);
                if (IsWord(token)) return true;
            }
            return false;
        }
    }

    /// <summary>Shared words as a share of the shorter side's words, in [0, 1]: 1 when one side's words all appear in
    /// the other in order (or both have none). Punctuation is not counted.</summary>
    public double WordOverlap
    {
        get
        {
            int wordsA = 0, wordsB = 0, shared = 0;
            foreach (var t in TokensA) if (IsWord(t.In(A))) wordsA++;
            foreach (var t in TokensB) if (IsWord(t.In(B))) wordsB++;
            foreach (var op in Ops)
                if (op.Kind == DiffKind.Same && IsWord(TokensA[op.A].In(A))) shared++;
            int shorter = Math.Min(wordsA, wordsB);
            return shorter == 0 ? (wordsA == wordsB ? 1 : 0) : (double)shared / shorter;
        }
    }

    /// <summary>Character spans of <see cref="A"/> to mark as changed: runs of adjacent deleted tokens merged,
    /// from the first to the last word of each run (punctuation alone is never marked).</summary>
    public ImmutableArray<TextSpan> ChangedInA() => Changed(DiffKind.Deleted, A, TokensA, static op => op.A);

    /// <summary>Character spans of <see cref="B"/> to mark as changed, as <see cref="ChangedInA"/>.</summary>
    public ImmutableArray<TextSpan> ChangedInB() => Changed(DiffKind.Inserted, B, TokensB, static op => op.B);

    /// <summary>True when a token holds a letter or digit, as opposed to punctuation or a symbol.</summary>
    internal static bool IsWord(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>Splits text into words (letters and digits, keeping inner apostrophes, hyphens, periods and commas:
    /// "Millan-Vazquez", "U.S.", "4,032") and single punctuation or symbol characters; whitespace separates.</summary>
    public static ImmutableArray<TextSpan> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ImmutableArray.CreateBuilder<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    if (char.IsLetterOrDigit(text[i])) i++;
                    else if (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) i += 2;
                    else break;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2; // an emoji or other astral character is one token, never two halves
            }
            else
            {
                i++;
            }
            tokens.Add(new TextSpan(start, i));
        }
        return tokens.DrainToImmutable();
    }

    /// <summary>Diffs <paramref name="a"/> against <paramref name="b"/> word by word.</summary>
    /// <param name="maxTokens">Cap on aligned tokens per side after stripping the common prefix and suffix.</param>
    public static WordDiff Compute(string a, string b, int maxTokens = DefaultMaxTokens)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);

        var ta = Tokenize(a);
        var tb = Tokenize(b);
        // Interning normalised tokens to ints makes the LCS inner loop a plain integer compare.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var ia = Intern(a, ta, ids);
        var ib = Intern(b, tb, ids);

        int prefix = 0;
        while (prefix < ia.Length && prefix < ib.Length && ia[prefix] == ib[prefix]) prefix++;
        int suffix = 0;
        while (suffix < ia.Length - prefix && suffix < ib.Length - prefix
               && ia[ia.Length - 1 - suffix] == ib[ib.Length - 1 - suffix]) suffix++;

        var ops = ImmutableArray.CreateBuilder<DiffOp>(ia.Length + ib.Length);
        for (int k = 0; k < prefix; k++) ops.Add(new DiffOp(DiffKind.Same, k, k));

        int midA = ia.Length - prefix - suffix, midB = ib.Length - prefix - suffix;
        int la = Math.Min(midA, maxTokens), lb = Math.Min(midB, maxTokens);
        AlignWindow(ia.AsSpan(prefix, la), ib.AsSpan(prefix, lb), prefix, ops);

        // Past the cap: listed so both sides rebuild, flagged so nobody renders them as changes.
        for (int k = prefix + la; k < prefix + midA; k++) ops.Add(new DiffOp(DiffKind.Deleted, k, -1, Unaligned: true));
        for (int k = prefix + lb; k < prefix + midB; k++) ops.Add(new DiffOp(DiffKind.Inserted, -1, k, Unaligned: true));

        for (int k = 0; k < suffix; k++)
            ops.Add(new DiffOp(DiffKind.Same, ia.Length - suffix + k, ib.Length - suffix + k));

        bool complete = la == midA && lb == midB;
        return new WordDiff(a, b, ta, tb, ops.DrainToImmutable(), complete);
    }

    /// <summary>Classic LCS over a window: a suffix table, then one forward walk. Deletions come before insertions
    /// inside a changed run, which reads naturally as "<del>old</del><ins>new</ins>".</summary>
    private static void AlignWindow(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int offset, ImmutableArray<DiffOp>.Builder ops)
    {
        int n = a.Length, m = b.Length, width = m + 1;
        // ushort suffices: an LCS length never exceeds the cap (a few hundred).
        var table = ArrayPool<ushort>.Shared.Rent((n + 1) * width);
        try
        {
            for (int j = 0; j <= m; j++) table[n * width + j] = 0;
            for (int i = n - 1; i >= 0; i--)
            {
                table[i * width + m] = 0;
                for (int j = m - 1; j >= 0; j--)
                {
                    table[i * width + j] = a[i] == b[j]
                        ? (ushort)(table[(i + 1) * width + j + 1] + 1)
                        : Math.Max(table[(i + 1) * width + j], table[i * width + j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (a[x] == b[y])
                {
                    ops.Add(new DiffOp(DiffKind.Same, offset + x, offset + y));
                    x++;
                    y++;
                }
                else if (table[(x + 1) * width + y] >= table[x * width + y + 1])
                {
                    ops.Add(new DiffOp(DiffKind.Deleted, offset + x, -1));
                    x++;
                }
                else
                {
                    ops.Add(new DiffOp(DiffKind.Inserted, -1, offset + y));
                    y++;
                }
            }
            for (; x < n; x++) ops.Add(new DiffOp(DiffKind.Deleted, offset + x, -1));
            for (; y < m; y++) ops.Add(new DiffOp(DiffKind.Inserted, -1, offset + y));
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(table);
        }
    }

    private ImmutableArray<TextSpan> Changed(DiffKind kind, string text, ImmutableArray<TextSpan> tokens, Func<DiffOp, int> indexOf)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int runStart = -1, runEnd = -1, lastIndex = -2;
        foreach (var op in Ops)
        {
            if (op.Kind != kind || op.Unaligned) continue;
            int k = indexOf(op);
            bool word = IsWord(tokens[k].In(text));
            if (runStart >= 0 && k == lastIndex + 1)
            {
                // Punctuation inside a changed run keeps it going but never ends it, so "arrest," marks "arrest".
                if (word) runEnd = tokens[k].End;
                lastIndex = k;
                continue;
            }
            if (runStart >= 0) spans.Add(new TextSpan(runStart, runEnd));
            if (word)
            {
                runStart = tokens[k].Start;
                runEnd = tokens[k].End;
                lastIndex = k;
            }
            else
            {
                runStart = -1;
                lastIndex = -2;
            }
        }
        if (runStart >= 0) spans.Add(new TextSpan(runStart, runEnd));
        return spans.DrainToImmutable();
    }

    private static int[] Intern(string text, ImmutableArray<TextSpan> tokens, Dictionary<string, int> ids)
    {
        var result = new int[tokens.Length];
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> small = stackalloc char[64];
        for (int k = 0; k < tokens.Length; k++)
        {
            var raw = tokens[k].In(text);
            var buffer = raw.Length <= small.Length ? small[..raw.Length] : new char[raw.Length];
            for (int c = 0; c < raw.Length; c++) buffer[c] = Fold(raw[c]);
            if (!lookup.TryGetValue(buffer, out int id))
            {
                id = ids.Count;
                lookup[buffer] = id;
            }
            result[k] = id;
        }
        return result;
    }

    /// <summary>Case and quote style are not differences in wording.</summary>
    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        '\u2010' or '\u2011' => '-',
        _ => char.ToUpperInvariant(c),
    };

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-' or '\u2010' or '\u2011' or '.' or ',';
}
