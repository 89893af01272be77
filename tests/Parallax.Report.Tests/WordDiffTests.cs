using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Model;

namespace Parallax.Report.Tests;

[Collection(nameof(TimingCollection))]
public sealed class WordDiffTests
{
    private static string[] Texts(string text, IEnumerable<TextSpan> spans) => spans.Select(s => s.Of(text)).ToArray();

    [Fact]
    public void Marks_the_changed_number()
    {
        var d = WordDiff.Compute("for about 25 minutes, the officers", "for about 20 minutes, the officers");
        Assert.Equal(["25"], Texts(d.A, d.ChangedInA()));
        Assert.Equal(["20"], Texts(d.B, d.ChangedInB()));
        Assert.True(d.HasChanges);
        Assert.True(d.Complete);
    }

    [Fact]
    public void Marks_an_inserted_word_only_on_side_b()
    {
        var d = WordDiff.Compute("the officers were left with no other choice", "the ICE officers were left with no other choice");
        Assert.Empty(d.ChangedInA());
        Assert.Equal(["ICE"], Texts(d.B, d.ChangedInB()));
    }

    [Fact]
    public void Adjacent_changed_words_merge_into_one_span_with_their_spaces()
    {
        var d = WordDiff.Compute("He said it was fine today.", "He insisted it was not fine at all today.");
        Assert.Equal(["said"], Texts(d.A, d.ChangedInA()));
        Assert.Equal(["insisted", "not", "at all"], Texts(d.B, d.ChangedInB()));
    }

    [Fact]
    public void Case_and_quote_style_are_not_differences()
    {
        var d = WordDiff.Compute("\u201CI\u2019m so scared ... daddy,\u201D", "\"i'm SO scared ... Daddy,\"");
        Assert.False(d.HasChanges);
        Assert.Empty(d.ChangedInA());
        Assert.Empty(d.ChangedInB());
    }

    [Fact]
    public void Identical_and_empty_sides()
    {
        Assert.False(WordDiff.Compute("same words", "same words").HasChanges);
        Assert.False(WordDiff.Compute("", "").HasChanges);
        var d = WordDiff.Compute("", "new words");
        Assert.Equal(["new words"], Texts(d.B, d.ChangedInB()));
    }

    [Fact]
    public void Tokenize_keeps_names_abbreviations_and_numbers_whole()
    {
        const string text = "U.S. officers met Millan-Vazquez's family at 4,032 Harvard Circle, \"daddy\" \U0001F600!";
        var tokens = Texts(text, WordDiff.Tokenize(text));
        Assert.Equal(["U.S", ".", "officers", "met", "Millan-Vazquez's", "family", "at", "4,032", "Harvard", "Circle", ",",
            "\"", "daddy", "\"", "\U0001F600", "!"], tokens);
    }

    [Fact]
    public void Long_sentences_are_capped_and_the_overflow_is_left_unmarked()
    {
        // 20,000 distinct words a side: an unbounded LCS would need 400 million cells.
        static string Words(string prefix, int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => prefix + i));
        var a = Words("a", 20_000);
        var b = Words("b", 20_000);
        var d = WordDiff.Compute(a, b);
        Assert.False(d.Complete);
        // Capped: ten times the words cost about ten times as much, where the full comparison would cost a hundred.
        string smallA = Words("a", 2_000), smallB = Words("b", 2_000);
        LinearTime.Assert(() => WordDiff.Compute(smallA, smallB), () => WordDiff.Compute(a, b));
        Assert.Equal(WordDiff.DefaultMaxTokens, d.ChangedInA().Sum(s => s.Of(a).Split(' ').Length));
        Assert.Equal(20_000 - WordDiff.DefaultMaxTokens, d.Ops.Count(o => o.Unaligned && o.Kind == DiffKind.Deleted));
    }

    [Fact]
    public void Common_prefix_and_suffix_do_not_count_against_the_cap()
    {
        var shared = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => "w" + i));
        var d = WordDiff.Compute(shared + " old " + shared, shared + " new " + shared);
        Assert.True(d.Complete);
        Assert.Equal(["old"], Texts(d.A, d.ChangedInA()));
        Assert.Equal(["new"], Texts(d.B, d.ChangedInB()));
    }

    private static Gen<string> Sentences()
    {
        // A small vocabulary makes the two sides share words, so the LCS has real work to do.
        var word = Gen.Elements("the", "ICE", "officers", "about", "25", "20", "minutes", ",", ".", "window", "I’m", "I'm", "\"", "said");
        return Gen.ListOf(word).Select(ws => string.Join(' ', ws));
    }

    private static bool Rebuilds(WordDiff d)
    {
        var a = d.TokensA.Select(t => t.Of(d.A)).ToList();
        var b = d.TokensB.Select(t => t.Of(d.B)).ToList();
        var fromA = d.Ops.Where(o => o.Kind is DiffKind.Same or DiffKind.Deleted).Select(o => a[o.A]).ToList();
        var fromB = d.Ops.Where(o => o.Kind is DiffKind.Same or DiffKind.Inserted).Select(o => b[o.B]).ToList();
        return fromA.SequenceEqual(a) && fromB.SequenceEqual(b);
    }

    /// <summary>Kept plus deleted tokens rebuild side A in order; kept plus inserted rebuild side B.</summary>
    [Property(MaxTest = 500)]
    public Property Kept_and_deleted_rebuild_a_kept_and_inserted_rebuild_b()
    {
        var pairs = Gen.OneOf(
            Gen.Two(Sentences()),
            Gen.Two(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));
        return Prop.ForAll(pairs.ToArbitrary(), p => Rebuilds(WordDiff.Compute(p.Item1, p.Item2)));
    }

    /// <summary>The same holds when the cap cuts the alignment short.</summary>
    [Property(MaxTest = 300)]
    public Property Rebuilds_with_a_tiny_cap()
    {
        var input = from pair in Gen.Two(Sentences()) from cap in Gen.Choose(0, 4) select (pair.Item1, pair.Item2, cap);
        return Prop.ForAll(input.ToArbitrary(), x => Rebuilds(WordDiff.Compute(x.Item1, x.Item2, x.cap)));
    }

    /// <summary>Kept tokens are a longest common subsequence: as many as a plain quadratic LCS finds.</summary>
    [Property(MaxTest = 300)]
    public Property Kept_tokens_are_a_longest_common_subsequence()
    {
        return Prop.ForAll(Gen.Two(Sentences()).ToArbitrary(), p =>
        {
            var d = WordDiff.Compute(p.Item1, p.Item2);
            static string Norm(string s) => s.Replace('’', '\'').ToUpperInvariant();
            var a = d.TokensA.Select(t => Norm(t.Of(d.A))).ToArray();
            var b = d.TokensB.Select(t => Norm(t.Of(d.B))).ToArray();
            var table = new int[a.Length + 1, b.Length + 1];
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            bool sameAreEqual = d.Ops.Where(o => o.Kind == DiffKind.Same).All(o => a[o.A] == b[o.B]);
            return sameAreEqual && d.Ops.Count(o => o.Kind == DiffKind.Same) == table[a.Length, b.Length];
        });
    }
}
