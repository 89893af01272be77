using Parallax.Model;

namespace Parallax.Stories.Streaming;

/// <summary>
/// Groups a whole corpus with the one story clusterer every command uses: documents are fed to
/// <see cref="StreamingClusterer"/> in publication order (dated reports by date, undated ones after them, reading order
/// breaking ties, as <c>ingest</c> places a batch), with the same options as a store's placement.
/// </summary>
public static class StreamingGroups
{
    /// <summary>The order documents are placed in: by publication date, undated last, input order breaking ties.</summary>
    public static List<T> InPublicationOrder<T>(IReadOnlyList<T> docs, Func<T, DateOnly?> published) =>
        [.. Enumerable.Range(0, docs.Count).OrderBy(i => published(docs[i]) ?? DateOnly.MaxValue).ThenBy(i => i).Select(i => docs[i])];

    /// <summary>The stories of <paramref name="docs"/>, each in input order, listed by their first document's input
    /// position.</summary>
    public static List<List<Document>> Of(IReadOnlyList<Document> docs, StreamingOptions? options = null)
    {
        var clusterer = new StreamingClusterer(options);
        var members = new Dictionary<long, List<int>>();
        var features = new StoryFeatures[docs.Count];
        Parallel.For(0, docs.Count, i => features[i] = StoryFeatures.Of(docs[i]));
        foreach (int i in InPublicationOrder(Enumerable.Range(0, docs.Count).ToList(), i => docs[i].PublishedDate))
        {
            var a = clusterer.Add(features[i]);
            if (!members.TryGetValue(a.Story, out var list)) members[a.Story] = list = [];
            list.Add(i);
            foreach (var merged in a.Merged)
                if (members.Remove(merged, out var moved)) list.AddRange(moved);
        }
        return [.. members.Values.Select(m => { m.Sort(); return m; }).OrderBy(m => m[0]).Select(m => m.Select(i => docs[i]).ToList())];
    }
}
