using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Disagreements in words inside an account row: contradicting outcome words, precision first.</summary>
public sealed class AccountDisputeTests
{
    private static FactAlignment Align(params Document[] docs) => FactAlignerTests.Align(docs);

    private static Document Doc(string id, string text) => FactAlignerTests.Doc(id, text);

    [Fact]
    public void Ordered_out_and_granted_voluntary_departure_are_a_disputed_account_with_the_words_marked()
    {
        var docs = new[]
        {
            Doc("d1", "A federal immigration judge, in 2011, ordered Ortega out of the country, according to the agency."),
            Doc("d2", "In 2011, a federal immigration judge granted Ortega voluntary departure."),
        };
        var account = Assert.Single(Align(docs).Accounts);
        var dispute = Assert.Single(account.Disputes);
        Assert.Equal("ordered vs granted", dispute.Contrast);
        var text = docs.ToDictionary(d => d.Id, d => d.Text);
        Assert.Equal([("d1", "ordered", 0), ("d2", "granted", 1)],
            dispute.Words.Select(w => (w.Word.Doc, text[w.Word.Doc][w.Word.Start..w.Word.End], w.Side)).ToArray());
        Assert.Contains("contradicting words: ordered vs granted", account.Evidence);
    }

    [Fact]
    public void Suspended_and_surrendered_credential_are_disputed()
    {
        var account = Assert.Single(Align(
            Doc("d1", "In 2017, the Coast Guard suspended Halvorsen's pilot license for 60 days after his tow struck the Pelham ferry dock."),
            Doc("d2", "In 2017, Halvorsen voluntarily surrendered his pilot license for 60 days under a settlement after his tow struck the Pelham ferry dock.")).Accounts);
        Assert.Equal("suspended vs surrendered", Assert.Single(account.Disputes).Contrast);
    }

    [Fact]
    public void Telling_the_same_outcome_in_both_reports_is_no_dispute()
    {
        var account = Assert.Single(Align(
            Doc("d1", "In 2017, the Coast Guard suspended Halvorsen's pilot license for 60 days after his tow struck the Pelham ferry dock."),
            Doc("d2", "In 2017, the Coast Guard suspended the pilot license of Halvorsen for 60 days after his tow struck the Pelham ferry dock.")).Accounts);
        Assert.Empty(account.Disputes);
    }

    [Fact]
    public void A_sequence_in_one_sentence_and_a_negated_word_take_no_side()
    {
        // "arrested and released" tells both; "was not released" is no "released".
        var account = Assert.Single(Align(
            Doc("d1", "In 2017, Kessling police arrested Brandt Ortega near the Pelham ferry dock and released him hours later."),
            Doc("d2", "In 2017, Brandt Ortega was not released after Kessling police detained him near the Pelham ferry dock.")).Accounts);
        Assert.Empty(account.Disputes);
    }

    [Fact]
    public void Ordered_a_new_trial_and_granted_a_new_trial_agree()
    {
        // "ordered" and "granted" contradict only about removal and voluntary departure.
        var account = Assert.Single(Align(
            Doc("d1", "In 2017, Judge Amara Lindqvist ordered a new trial for the Pelham ferry operator."),
            Doc("d2", "In 2017, Judge Amara Lindqvist granted a new trial for the Pelham ferry operator.")).Accounts);
        Assert.Empty(account.Disputes);
    }

    [Fact]
    public void A_heading_does_not_repeat_its_date()
    {
        var account = Assert.Single(Align(
            Doc("d1", "Ortega has two misdemeanors and a federal immigration judge, in 2011, ordered him out of the country."),
            Doc("d2", "Ortega was ordered out of the country by a federal immigration judge, in 2011, the agency said.")).Accounts);
        Assert.StartsWith("2011: ", account.About);
        Assert.Equal(1, account.About.Split("2011").Length - 1);
    }

    [Fact]
    public void Without_a_shared_run_the_heading_is_the_opening_of_the_shortest_telling()
    {
        var account = Assert.Single(Align(
            Doc("d1", "In 2011, officers handcuffed Ortega on the ground outside Pelham depot."),
            Doc("d2", "In 2011, Ortega was pushed to the ground and then handcuffed by agents beside Pelham depot.")).Accounts);
        Assert.Equal("2011: officers handcuffed Ortega on the ground outside Pelham …", account.About);
    }
}
