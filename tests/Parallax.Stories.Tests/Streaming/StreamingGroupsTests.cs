using Parallax.Model;
using Parallax.Stories.Streaming;
using Parallax.Stories.Tests.Support;

namespace Parallax.Stories.Tests.Streaming;

public sealed class StreamingGroupsTests
{
    // Invented text: two reports of one barge strike and an unrelated vote.
    private const string BridgeA = "A barge struck the Cannery Street Bridge in Port Alden on Monday, stranding a Harbor Transit Authority streetcar. The Coast Guard closed the Sorrel Channel while engineers inspected the pier.";
    private const string BridgeB = "The Cannery Street Bridge stayed closed Tuesday after a barge hit its center pier in Port Alden. Harbor Transit Authority streetcar passengers were walked off the bridge; the Coast Guard kept the Sorrel Channel shut.";
    private const string Election = "Voters in Millbrook County approved a school levy on Tuesday by a wide margin. The superintendent thanked volunteers and promised new classrooms by autumn.";

    private static string Ids(List<List<Document>> stories) => string.Join(" | ", stories.Select(s => string.Join(',', s.Select(d => d.Id))));

    [Fact]
    public void Reports_of_one_event_form_one_story_and_unrelated_news_another_listed_by_first_document()
    {
        var day = new DateOnly(2025, 3, 4);
        var stories = StreamingGroups.Of([StoryDocs.Doc("d1", BridgeA, day), StoryDocs.Doc("d2", Election, day), StoryDocs.Doc("d3", BridgeB, day)]);
        Assert.Equal("d1,d3 | d2", Ids(stories));
    }

    [Fact]
    public void Documents_are_placed_in_publication_order_whatever_the_input_order()
    {
        var days = new DateOnly?[] { new DateOnly(2025, 3, 6), null, new DateOnly(2025, 3, 4), null, new DateOnly(2025, 3, 4) };
        var placed = StreamingGroups.InPublicationOrder(Enumerable.Range(0, days.Length).ToList(), i => days[i]);
        // Dated by day (ties in input order), then the undated ones in input order.
        Assert.Equal([2, 4, 0, 1, 3], placed);
    }

    [Fact]
    public void The_same_reports_read_in_another_order_give_the_same_stories()
    {
        var docs = new[]
        {
            StoryDocs.Doc("d1", BridgeA, new DateOnly(2025, 3, 3)), StoryDocs.Doc("d2", Election, new DateOnly(2025, 3, 4)),
            StoryDocs.Doc("d3", BridgeB, new DateOnly(2025, 3, 4)),
        };
        static string Partition(List<List<Document>> s) => string.Join(" | ", s.Select(x => string.Join(',', x.Select(d => d.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        Assert.Equal(Partition(StreamingGroups.Of(docs)), Partition(StreamingGroups.Of([docs[2], docs[1], docs[0]])));
    }
}
