using Parallax.Eval.Facts;

namespace Parallax.Eval.Tests.Facts;

public sealed class CasualtyRecallTests
{
    private const string TextA = "A gunman killed two people and wounded three others on Monday.";
    private const string TextB = "Two people died and three were hurt. The shooter, 40, fled.";
    private const string TextC = "Police said the 40-year-old shooter fled.";

    private static ReportDocument Doc(string id, string text) => new(id, $"corpus/{id}.txt", null, text);

    private static ReportClaim Claim(ReportDocument d, string phrase, string fact, string? measure)
    {
        int i = d.Text.IndexOf(phrase, StringComparison.Ordinal);
        return new ReportClaim(d.Id, i, i + phrase.Length, fact, "agreed", measure, "event");
    }

    private static FactGold Gold() => FactGold.Parse("""
        { "schema": "parallax.facts-gold/1", "facts": [
          { "id": "killed", "about": "people killed", "status": "agreed", "claims": [ { "doc": "a.txt", "phrase": "two people" }, { "doc": "b.txt", "phrase": "Two people" } ] },
          { "id": "hurt", "about": "others wounded", "status": "agreed", "claims": [ { "doc": "a.txt", "phrase": "three others" }, { "doc": "b.txt", "phrase": "three" } ] },
          { "id": "age", "about": "age of the shooter", "status": "agreed", "claims": [ { "doc": "b.txt", "phrase": "40" }, { "doc": "c.txt", "phrase": "40-year-old" } ] } ] }
        """, "gold.json");

    [Theory]
    [InlineData("people killed", "killed")]
    [InlineData("others wounded", "injured")]
    [InlineData("women among the dead", "killed")]
    [InlineData("age of Cheanne McKnight, the girl wounded", null)]
    [InlineData("date Ortiz was killed", null)]
    [InlineData("how long before his death Ortiz had married", null)]
    public void Only_counts_of_people_killed_or_hurt_are_casualty_facts(string about, string? kind) =>
        Assert.Equal(kind, CasualtyRecall.Kind(about));

    [Fact]
    public void An_incident_is_found_only_when_each_stated_casualty_count_is_read_with_its_measure()
    {
        ReportDocument a = Doc("a", TextA), b = Doc("b", TextB), c = Doc("c", TextC);
        var all = new ReportFacts([a, b, c], [
            Claim(a, "two people", "s1/f1", "killed:person"), Claim(b, "Two people", "s1/f1", "person"),
            Claim(a, "three others", "s1/f2", "injured:person"), Claim(c, "40-year-old", "s1/f3", "age")]);
        var score = FactScorer.Score(Gold(), all);
        Assert.Equal((1, 1), (score.CasualtyIncidentsFound, score.CasualtyIncidents));

        // The killed count read only as "people" (no casualty predicate): the incident is not found.
        var noKilled = new ReportFacts([a, b, c], [
            Claim(a, "two people", "s1/f1", "person"), Claim(b, "Two people", "s1/f1", "person"),
            Claim(a, "three others", "s1/f2", "injured:person")]);
        Assert.Equal((0, 1), (FactScorer.Score(Gold(), noKilled).CasualtyIncidentsFound, FactScorer.Score(Gold(), noKilled).CasualtyIncidents));
    }
}
