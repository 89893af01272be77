using Parallax.Analysis.Pipeline;
using Parallax.Model;
using Parallax.Stories.Streaming;

namespace Parallax.Stories.Tests.Streaming;

/// <summary>Follow-up reports published weeks after an incident, and look-alike incidents in the same place (invented
/// text; analysed by the full pipeline with a publication date, as ingest runs it).</summary>
public sealed class FollowUpTests
{
    private static readonly DocumentPipeline Full = StandardPipeline.Create();

    private static StoryFeatures Report(string text, DateOnly published) => StoryFeatures.Of(Full.Run(new Document
    {
        Id = "d",
        Origin = "d.txt",
        Text = text,
        Metadata = new DocumentMetadata { Published = new Sourced<DateOnly>(published, MetadataSource.Header) },
    }));

    // Sunday 15 June 2025: two reports of Saturday night's shooting ("Saturday" resolves to 14 June).
    private static readonly DateOnly Sunday = new(2025, 6, 15);
    private const string FirstReport = "A 19-year-old man was shot and killed Saturday night outside a laundromat on Delmore Avenue in East Carver, police said. Police Chief Anita Rourke said detectives were interviewing witnesses and asked anyone with video to come forward.";
    private const string SecondReport = "Police in East Carver are looking for the gunman who shot a 19-year-old man outside a Delmore Avenue laundromat on Saturday night. Chief Anita Rourke said the victim died at the scene and detectives were reviewing video.";

    // Three weeks later the arrest, naming the incident's date; and another shooting on the same street that week.
    private static readonly DateOnly ThreeWeeksLater = new(2025, 7, 8);
    private const string Arrest = "East Carver police arrested a 22-year-old man in the June 14 shooting outside a laundromat on Delmore Avenue that killed a 19-year-old. Chief Anita Rourke said detectives identified the gunman from witness video.";
    private const string AnotherShooting = "A 24-year-old man was shot and killed Sunday night outside a convenience store on Delmore Avenue in East Carver, police said. Chief Anita Rourke said detectives were interviewing witnesses.";

    [Fact]
    public void A_follow_up_weeks_later_that_names_the_incidents_date_joins_its_story()
    {
        var c = new StreamingClusterer();
        var first = c.Add(Report(FirstReport, Sunday));
        Assert.Equal(first.Story, c.Add(Report(SecondReport, Sunday)).Story);
        var arrest = c.Add(Report(Arrest, ThreeWeeksLater));
        Assert.False(arrest.Started);
        Assert.Equal(first.Story, arrest.Story);
        // Without the anchor window (the old rule: seven days, whatever the report refers back to) it starts a story.
        var windowed = new StreamingClusterer(new StreamingOptions { AnchorWindowDays = [0, 0, 0, 0, 0] });
        windowed.Add(Report(FirstReport, Sunday));
        windowed.Add(Report(SecondReport, Sunday));
        Assert.True(windowed.Add(Report(Arrest, ThreeWeeksLater)).Started);
    }

    [Fact]
    public void A_look_alike_shooting_on_the_same_street_weeks_later_stays_apart()
    {
        var c = new StreamingClusterer();
        var first = c.Add(Report(FirstReport, Sunday));
        c.Add(Report(SecondReport, Sunday));
        var other = c.Add(Report(AnotherShooting, ThreeWeeksLater));
        Assert.True(other.Started);
        Assert.NotEqual(first.Story, other.Story);
        // Related news all the same: the same kind of event in the same place.
        Assert.Equal(first.Family, other.Family);
    }

    [Fact]
    public void A_report_naming_the_same_day_of_another_year_stays_apart()
    {
        // An anniversary-like look-alike: the same month-day and street, but its lead names another year.
        const string Earlier = "On June 14, 2023, a 19-year-old man was shot and killed outside a laundromat on Delmore Avenue in East Carver, police said. Chief Anita Rourke said detectives were interviewing witnesses.";
        const string Later = "On June 14, 2025, a 19-year-old man was shot and killed outside a laundromat on Delmore Avenue in East Carver, police said. Chief Anita Rourke said detectives were interviewing witnesses.";
        var c = new StreamingClusterer();
        var first = c.Add(Report(Earlier, new DateOnly(2023, 6, 15)));
        var later = c.Add(Report(Later, new DateOnly(2025, 6, 15)));
        Assert.True(later.Started);
        Assert.NotEqual(first.Story, later.Story);
    }
}
