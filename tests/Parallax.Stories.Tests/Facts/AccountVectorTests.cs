using Parallax.Model;
using Parallax.Stories.Facts;
using static Parallax.Stories.Tests.Facts.FactAlignerTests;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Accounts linked through the word vectors: a moment told in other words, and a shared fact that is not enough.</summary>
public sealed class AccountVectorTests
{
    private static FactAlignment AlignWith(FactAlignerOptions options, IReadOnlyList<Document> docs)
    {
        int f = 0, a = 0;
        return new FactAligner(options).Align(docs, (_, _) => (null, null), () => $"f{++f}", () => $"a{++a}");
    }

    // One rare word in common ("survivors"): "searched", "collapsed" and "factory" are in every report, so they are not
    // rare. The two counts agree (one fact), which makes the sentences candidates; only the meaning (cosine about 0.9)
    // links the two tellings. (Accounts are made of sentences holding a number or a date.)
    private static Document[] OtherWords() =>
    [
        Doc("d1", "Rescue workers searched the rubble of the collapsed factory for 12 survivors through the night."),
        Doc("d2", "Rescuers searched the debris of the collapsed factory for a dozen survivors overnight."),
        Doc("d3", "The factory had collapsed once before. Police searched the home of the factory owner. The collapsed factory was searched again."),
    ];

    [Fact]
    public void A_moment_told_in_other_words_is_one_account()
    {
        var docs = OtherWords();
        var account = Assert.Single(Align(docs).Accounts);
        Assert.Equal(["d1", "d2"], account.Sentences.Select(s => s.Doc).Order(StringComparer.Ordinal));
        Assert.Contains(account.Evidence, e => e.StartsWith("same moment in other words: phrase-vector cosine 0.", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_vector_test_the_shared_word_rule_alone_finds_no_account()
    {
        Assert.Empty(AlignWith(new FactAlignerOptions { AccountCosine = 2 }, OtherWords()).Accounts);
    }

    [Fact]
    public void Sentences_sharing_a_fact_but_not_the_moment_stay_apart()
    {
        // Both give Russell's age (one agreed fact, so the two sentences are candidates), but one tells the killing and the
        // other his family: one rare word in common ("Russell") and a low cosine, so no account.
        var docs = new[]
        {
            Doc("d1", "Chief Scott Russell, 46, was killed by a bomb outside the Woodburn bank."),
            Doc("d2", "Russell, 46, leaves behind a wife and two teenage sons."),
        };
        var r = Align(docs);
        Assert.Contains(r.Facts, f => f.Status == FactStatus.Agreed && f.Claims.Select(c => c.Span.Doc).Distinct().Count() == 2);
        Assert.Empty(r.Accounts);
    }
}
