using Parallax.Stories.Clustering;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Clustering;

public sealed class StoryClustererTests
{
    private const string BridgeA = "A barge struck the Cannery Street Bridge in Port Alden on Monday, stranding a Harbor Transit Authority streetcar. The Coast Guard closed the Sorrel Channel while engineers inspected the pier.";
    private const string BridgeB = "The Cannery Street Bridge stayed closed Tuesday after a barge hit its center pier in Port Alden. Harbor Transit Authority streetcar passengers were walked off the bridge; the Coast Guard kept the Sorrel Channel shut.";
    private const string Election = "Voters in Millbrook County approved a school levy on Tuesday by a wide margin. The superintendent thanked volunteers and promised new classrooms by autumn.";

    [Fact]
    public void Reports_of_one_event_form_one_story_and_unrelated_news_another()
    {
        var day = new DateOnly(2025, 3, 4);
        var stories = StoryClusterer.Cluster([StoryDocs.Doc("d1", BridgeA, day), StoryDocs.Doc("d2", Election, day), StoryDocs.Doc("d3", BridgeB, day)]);
        Assert.Equal(2, stories.Count);
        Assert.Equal(["d1", "d3"], stories[0].Select(d => d.Id));
        Assert.Equal(["d2"], stories[1].Select(d => d.Id));
    }

    [Fact]
    public void The_same_event_words_far_apart_in_time_are_two_stories()
    {
        var stories = StoryClusterer.Cluster([
            StoryDocs.Doc("d1", BridgeA, new DateOnly(2025, 3, 4)),
            StoryDocs.Doc("d2", BridgeB, new DateOnly(2025, 9, 1))]);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void Clustering_is_deterministic_for_a_given_order()
    {
        var docs = new[] { StoryDocs.Doc("d1", BridgeA), StoryDocs.Doc("d2", Election), StoryDocs.Doc("d3", BridgeB) };
        var a = StoryClusterer.Cluster(docs).Select(s => string.Join(',', s.Select(d => d.Id)));
        var b = StoryClusterer.Cluster(docs).Select(s => string.Join(',', s.Select(d => d.Id)));
        Assert.Equal(a, b);
    }
}
