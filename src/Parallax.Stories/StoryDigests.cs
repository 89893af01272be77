using Parallax.Model;

namespace Parallax.Stories;

/// <summary>A story's listing line (title, distinct sources, disputed facts) from its documents, built by
/// <see cref="StoryBuilder"/>; thread-safe (a builder per call: it holds only shared read-only lexicons).</summary>
public sealed class StoryDigests : IStoryDigests
{
    public StoryDigest Of(IReadOnlyList<Document> members, CancellationToken ct)
    {
        // One report: no comparison to make (a fact needs two documents to be disputed), so no builder run.
        if (members.Count == 1) return new StoryDigest(StoryBuilder.Title(members), 1, 0);
        var story = new StoryBuilder().Build(members, [members], [], ct).Stories[0];
        return new StoryDigest(story.Title, Sources(members), story.Facts.Count(f => f.Status == FactStatus.Disputed));
    }

    /// <summary>Distinct outlets (a document without one counts by its origin).</summary>
    public static int Sources(IReadOnlyList<Document> members) =>
        members.Select(d => d.Metadata.Outlet?.Value ?? d.Origin).Distinct(StringComparer.OrdinalIgnoreCase).Count();
}
