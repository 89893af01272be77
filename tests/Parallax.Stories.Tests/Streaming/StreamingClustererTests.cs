using Parallax.Stories.Streaming;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Streaming;

[Collection(nameof(TimingCollection))]
public sealed class StreamingClustererTests
{
    // Two look-alike events told in the same words (a barge strikes a bridge) and unrelated news: invented text.
    private const string BridgeA = "A barge struck the Cannery Street Bridge in Port Alden on Monday, stranding a Harbor Transit Authority streetcar. The Coast Guard closed the Sorrel Channel while engineers inspected the pier.";
    private const string BridgeB = "The Cannery Street Bridge stayed closed Tuesday after a barge hit its center pier in Port Alden. Harbor Transit Authority streetcar passengers were walked off the bridge; the Coast Guard kept the Sorrel Channel shut.";
    private const string BridgeC = "Engineers inspected the Cannery Street Bridge pier after the barge strike in Port Alden; the Coast Guard reopened the Sorrel Channel to traffic and Harbor Transit Authority streetcar service resumed.";
    private const string Election = "Voters in Millbrook County approved a school levy on Tuesday by a wide margin. The superintendent thanked volunteers and promised new classrooms by autumn.";
    private const string Levy = "Millbrook County voters backed the school levy Tuesday; the superintendent said volunteers carried the campaign and new classrooms would open by autumn.";

    private static StoryFeatures F(string text, DateOnly? day) => StoryFeatures.Of(StoryDocs.Doc("d", text, day));

    // With every analysis stage (dates and quantities too), as ingest runs it.
    private static readonly Parallax.Analysis.Pipeline.DocumentPipeline Full = Parallax.Analysis.Pipeline.StandardPipeline.Create();
    private static StoryFeatures Analysed(string text) =>
        StoryFeatures.Of(Full.Run(new Parallax.Model.Document { Id = "d", Origin = "d.txt", Text = text }));

    private static readonly DateOnly Day = new(2025, 3, 4);

    [Fact]
    public void Reports_of_one_event_join_one_story_and_unrelated_news_starts_another()
    {
        var c = new StreamingClusterer();
        var a = c.Add(F(BridgeA, Day));
        var e = c.Add(F(Election, Day));
        var b = c.Add(F(BridgeB, Day));
        var l = c.Add(F(Levy, Day));
        Assert.True(a.Started);
        Assert.Equal(a.Story, b.Story);
        Assert.NotEqual(a.Story, e.Story);
        Assert.Equal(e.Story, l.Story);
        // Nor are they related news: each story is its own family.
        Assert.NotEqual(c.FamilyOf(a.Story), c.FamilyOf(e.Story));
    }

    [Fact]
    public void A_look_alike_event_outside_the_time_window_is_a_new_story_of_the_same_family()
    {
        var c = new StreamingClusterer();
        var first = c.Add(F(BridgeA, Day));
        c.Add(F(BridgeB, Day.AddDays(1)));
        var later = c.Add(F(BridgeC, Day.AddDays(60)));
        Assert.True(later.Started);
        Assert.NotEqual(first.Story, later.Story);
        Assert.Equal(first.Family, later.Family);
        // Within the window the same text joins.
        Assert.Equal(first.Story, c.Add(F(BridgeC, Day.AddDays(3))).Story);
    }

    // Two look-alike barge strikes on one bridge, five years apart, told in nearly the same words; no publication
    // dates and no day both sides name, so no time window: only what the reports say tells the events apart
    // (invented text).
    private const string Strike2019A = "In March 2019, a barge struck the Cannery Street Bridge in Port Alden, stranding a Harbor Transit Authority streetcar. Captain Edwin Marsh said the current pushed the barge into the pier.";
    private const string Strike2019B = "A barge hit the Cannery Street Bridge in Port Alden on Sunday, March 3, 2019, stranding a Harbor Transit Authority streetcar; Captain Edwin Marsh blamed the current for pushing the barge into the pier.";
    private const string Strike2024 = "In June 2024, a barge struck the Cannery Street Bridge in Port Alden, stranding a streetcar. Captain Lena Okafor said the current pushed the barge into the pier.";

    [Fact]
    public void Features_carry_the_events_key_values_from_the_lead_and_the_rest_as_mentions()
    {
        var f = Analysed(Strike2019B + " Divers checked the pier. Streetcars ran again by noon. The 2015 collision at the same pier was smaller.");
        Assert.Contains("!#2019", f.Terms.Keys);
        Assert.Contains("!d03-03", f.Terms.Keys);
        Assert.Contains("!wsunday", f.Terms.Keys);
        Assert.Contains("!@marsh", f.Terms.Keys); // "Captain Edwin Marsh" and "Marsh" meet on the last word
        // Named outside the lead: a mention, not the event's year.
        Assert.DoesNotContain("!#2015", f.Terms.Keys);
        Assert.Contains("~#2015", f.Terms.Keys);
        Assert.Equal(f.Terms.Keys.Order(), StoryFeatures.Deserialize(f.Serialize()).Terms.Keys.Order());
    }

    [Fact]
    public void A_look_alike_event_of_another_year_and_captain_starts_its_own_story_in_the_same_family()
    {
        var c = new StreamingClusterer();
        var a = c.Add(Analysed(Strike2019A));
        var b = c.Add(Analysed(Strike2019B));
        var later = c.Add(Analysed(Strike2024));
        Assert.Equal(a.Story, b.Story);
        Assert.True(later.Started);
        Assert.Equal(a.Family, later.Family);
        // The key values do the work: compared as plain terms, the same words put the later event in the story.
        var plain = new StreamingClusterer(new StreamingOptions { KeyConflict = [1, 1, 1, 1], KeyAgreement = [1, 1, 1, 1], YearMismatchFactor = 1 });
        var pa = plain.Add(Analysed(Strike2019A));
        plain.Add(Analysed(Strike2019B));
        Assert.Equal(pa.Story, plain.Add(Analysed(Strike2024)).Story);
    }

    [Fact]
    public void One_recurring_participant_among_several_does_not_make_one_event()
    {
        // Two surgeon-general nominations: one shared word, the president in both leads, other nominees.
        var nomination = StoryFeatures.Deserialize("-\nnominat\t1\nclinic\t1\nalabama\t1\nrural\t1\n!@benjamin\t1\n!@obama\t1");
        var other = StoryFeatures.Deserialize("-\nnominat\t1\ncorrespondent\t1\nmedical\t1\ntelevision\t1\n!@gupta\t1\n!@obama\t1\n!@cnn\t1");
        var c = new StreamingClusterer();
        var a = c.Add(nomination);
        Assert.NotEqual(a.Story, c.Add(other).Story);
        // Where one shared participant is enough, the president's name joins them.
        var lenient = new StreamingClusterer(new StreamingOptions { ParticipantAgreementShare = 0 });
        var la = lenient.Add(nomination);
        Assert.Equal(la.Story, lenient.Add(other).Story);
        // Reports sharing most of their lead's participants still agree.
        var same = StoryFeatures.Deserialize("-\nnominat\t1\ncorrespondent\t1\nmedical\t1\ntelevision\t1\n!@benjamin\t1\n!@obama\t1\n!@cnn\t1");
        var d = new StreamingClusterer();
        Assert.Equal(d.Add(nomination).Story, d.Add(same).Story);
    }

    [Fact]
    public void Features_stored_before_key_values_existed_or_with_unknown_kinds_still_cluster()
    {
        static StoryFeatures Without(StoryFeatures f, string extra) => StoryFeatures.Deserialize(
            string.Join('\n', f.Serialize().Split('\n').Where(l => l[0] is not (StoryFeatures.KeyMark or StoryFeatures.MentionMark))) + extra);
        var c = new StreamingClusterer();
        var a = c.Add(Without(F(BridgeA, Day), ""));
        var b = c.Add(Without(F(BridgeB, Day), "\n!zsomething\t1"));
        Assert.Equal(a.Story, b.Story);
        Assert.NotEqual(a.Story, c.Add(Without(F(Election, Day), "")).Story);
    }

    [Fact]
    public void Clustering_is_deterministic_for_a_given_order()
    {
        var input = new[] { (BridgeA, Day), (Election, Day), (BridgeB, Day.AddDays(1)), (Levy, Day), (BridgeC, Day.AddDays(40)) }
            .Select(x => F(x.Item1, x.Item2)).ToList();
        static string Run(IEnumerable<StoryFeatures> fs)
        {
            var c = new StreamingClusterer();
            return string.Join(';', fs.Select(f => c.Add(f)).Select(a => $"{a.Story}/{a.Family}/{string.Join(',', a.Merged)}"));
        }
        Assert.Equal(Run(input), Run(input));
        // Features survive their stored form, so a store replays exactly these decisions.
        Assert.Equal(Run(input), Run(input.Select(f => StoryFeatures.Deserialize(f.Serialize()))));
    }

    [Fact]
    public void A_restored_clusterer_decides_like_the_one_that_made_the_assignments()
    {
        var fs = new[] { F(BridgeA, Day), F(Election, Day), F(BridgeB, Day) };
        var live = new StreamingClusterer();
        var assigned = fs.Select(live.Add).ToList();
        var restored = new StreamingClusterer();
        for (int i = 0; i < fs.Length; i++) restored.Restore(fs[i], assigned[i].Story, assigned[i].Family);
        Assert.Equal(live.Add(F(Levy, Day)).Story, restored.Add(F(Levy, Day)).Story);
        Assert.Equal(live.Add(F(BridgeC, Day)).Story, restored.Add(F(BridgeC, Day)).Story);
    }

    [Fact]
    public void Cost_per_document_does_not_grow_with_the_number_of_live_stories()
    {
        // Documents that share a common term but are otherwise distinct: each starts a story, so stories pile up.
        static StoryFeatures Synthetic(int i) => new(new Dictionary<string, float>
        {
            ["common"] = 1, [$"unique{i}"] = 2, [$"@name{i}"] = 2, [$"place{i % 1000}"] = 1,
        }, new DateOnly(2025, 1, 1).AddDays(i / 500));
        static void Feed(int n)
        {
            var c = new StreamingClusterer();
            for (int i = 0; i < n; i++) c.Add(Synthetic(i));
        }
        // Ten times the documents (and the live stories): about ten times the time when the cost per document stays flat.
        LinearTime.Assert(() => Feed(2_000), () => Feed(20_000));
    }

    [Fact]
    public void Past_the_live_limit_retired_stories_leave_the_candidate_index_so_memory_stays_bounded()
    {
        const int Live = 40, Terms = 12;
        var c = new StreamingClusterer(new StreamingOptions { MaxLiveStories = Live });
        // Every document its own event: words of its own, so each starts a story and none is ever joined again.
        for (int i = 0; i < 3000; i++)
        {
            var terms = Enumerable.Range(0, Terms).ToDictionary(k => $"w{i}x{k}", _ => 1f);
            Assert.True(c.Add(new StoryFeatures(terms, Day)).Started);
        }
        Assert.InRange(c.LiveStories, Live * 9 / 10, Live);
        // Without the sweep the index would hold all 3,000 stories' 36,000 references.
        Assert.InRange(c.PostingEntries, 1, (Live + 1) * Terms);
    }
}
