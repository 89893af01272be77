using Parallax.Model;

namespace Parallax.Stories.Streaming;

/// <summary>
/// Story placement for a persistent corpus: the streaming clusterer behind <see cref="IStoryPlacement"/>, with the
/// features stored in <see cref="FeatureCodec"/>'s form. One instance per store (it holds the clusterer's state).
/// </summary>
public sealed class StreamingPlacement(StreamingOptions? options = null) : IStoryPlacement
{
    private readonly StreamingOptions options = options ?? new StreamingOptions();
    private StreamingClusterer clusterer = new(options);

    public PlacementFeatures Describe(Document analysed)
    {
        var features = StoryFeatures.Of(analysed);
        return new PlacementFeatures(features.Day, FeatureCodec.Encode(features), features);
    }

    public Placement Place(PlacementFeatures features)
    {
        var a = clusterer.Add((StoryFeatures)features.State);
        return new Placement(a.Story, a.Family, a.Started, a.Merged, a.FamiliesJoined);
    }

    public void Clear() => clusterer = new StreamingClusterer(options);

    public void Restore(string stored, long story, long family) => clusterer.Restore(FeatureCodec.Decode(stored), story, family);
}
