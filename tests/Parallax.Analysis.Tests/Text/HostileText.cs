using FsCheck;
using FsCheck.Fluent;

namespace Parallax.Analysis.Tests.Text;

/// <summary>
/// FsCheck strings drawn from characters that trip text code: lone high and low surrogates, surrogate pairs,
/// U+FFFD, combining marks, CJK, Arabic, curly quotes, sentence punctuation, brackets and line breaks.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "\uD83D", "\uDE00", "\uD83D\uDE00", "\uFFFD", "\u0301", "\u0939\u093F", "漢", "字", "。", "م", "ر", "\u200D",
        "“", "”", "’", "'", "\"", ".", "...", "!", "?", "…", "[", "]", "(", ")", "-", "—", " ", " ", "\n", "\t",
        "a", "B", "U.S.", "Sgt.", "No.", "1", "42,000", "'s", "said", "The",
    ];

    public static Arbitrary<string> Strings() =>
        Arb.From(Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)));
}
