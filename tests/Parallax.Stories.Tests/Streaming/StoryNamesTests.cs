using Parallax.Model;
using Parallax.Stories.Streaming;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Streaming;

/// <summary>How clustering features read a document's entity mentions: one name term per referent, whatever the
/// recognizer kept of each mention, and the principal person among the participants. Invented text.</summary>
public sealed class StoryNamesTests
{
    private const string Text = "President Barack Obama named the Chargers coach on Monday. Obama said the Chargers chose well.";

    /// <summary>The same text with the mentions one recognizer or another reports.</summary>
    private static Document With(params (string Name, int Occurrence, EntityType Type)[] mentions)
    {
        var doc = StoryDocs.Doc("d", Text);
        return doc with
        {
            Entities = [.. mentions.Select(m =>
            {
                int at = -1;
                for (int k = 0; k <= m.Occurrence; k++) at = Text.IndexOf(m.Name, at + 1, StringComparison.Ordinal);
                return new EntityMention(at, at + m.Name.Length, m.Type);
            }).OrderBy(m => m.Start)],
        };
    }

    private static string[] NameTerms(Document doc) =>
        [.. StoryFeatures.Of(doc).Terms.Keys.Where(k => k[0] is '@' or '^').Order(StringComparer.Ordinal)];

    [Fact]
    public void A_referent_is_one_name_term_whatever_the_recognizer_kept()
    {
        // One recognizer keeps the bare surname and types "the Chargers" as an organisation with its article; another
        // drops the surname and leaves the team untyped.
        var keeps = With(("Barack Obama", 0, EntityType.Person), ("the Chargers", 0, EntityType.Org), ("Obama", 1, EntityType.Person),
            ("the Chargers", 1, EntityType.Org));
        var drops = With(("Barack Obama", 0, EntityType.Person), ("Chargers", 0, EntityType.Other), ("Chargers", 1, EntityType.Other));
        Assert.Equal(["@barack obama", "@chargers"], NameTerms(keeps));
        Assert.Equal(NameTerms(keeps), NameTerms(drops));
    }

    [Fact]
    public void A_place_is_not_folded_into_a_person_of_the_same_last_name()
    {
        var doc = StoryDocs.Doc("d", "George Washington spoke. Crowds in Washington cheered.");
        doc = doc with
        {
            Entities = [new EntityMention(0, 17, EntityType.Person), new EntityMention(35, 45, EntityType.Place)],
        };
        Assert.Equal(["@george washington", "@washington"], NameTerms(doc));
    }

    [Fact]
    public void The_person_a_report_names_most_in_its_lead_is_its_principal()
    {
        var doc = With(("Barack Obama", 0, EntityType.Person), ("Obama", 1, EntityType.Person), ("Chargers", 0, EntityType.Org));
        Assert.Contains("!pobama", StoryFeatures.Of(doc).Terms.Keys);
        // Two people named as often: no principal.
        var tie = StoryDocs.Doc("d", "Ray Tolliver met Ann Pike on Monday.");
        tie = tie with { Entities = [new EntityMention(0, 12, EntityType.Person), new EntityMention(17, 25, EntityType.Person)] };
        Assert.DoesNotContain(StoryFeatures.Of(tie).Terms.Keys, k => k.StartsWith("!p", StringComparison.Ordinal));
    }

    [Fact]
    public void Participants_agree_only_when_the_story_names_the_documents_principal()
    {
        // Two players of one team arrested: team and league in both leads, another player the principal of each.
        var first = StoryFeatures.Deserialize("-\narrest\t1\nhighway\t1\npatrol\t1\nsuspicion\t1\n!@williams\t1\n!@chargers\t1\n!@nfl\t1\n!pwilliams\t1");
        var second = StoryFeatures.Deserialize("-\narrest\t1\nweekend\t1\nbail\t1\ncourt\t1\n!@jackson\t1\n!@chargers\t1\n!@nfl\t1\n!pjackson\t1");
        var c = new StreamingClusterer();
        Assert.NotEqual(c.Add(first).Story, c.Add(second).Story);
        // Without the principal, two of three participants shared are agreement enough to join them.
        var lenient = new StreamingClusterer(new StreamingOptions { PrincipalAgreement = false });
        Assert.Equal(lenient.Add(first).Story, lenient.Add(second).Story);
        // A report of the first arrest, naming its principal, still agrees.
        var again = StoryFeatures.Deserialize("-\narrest\t1\nweekend\t1\nbail\t1\ncourt\t1\n!@williams\t1\n!@chargers\t1\n!@nfl\t1\n!pwilliams\t1");
        var d = new StreamingClusterer();
        Assert.Equal(d.Add(first).Story, d.Add(again).Story);
    }
}
