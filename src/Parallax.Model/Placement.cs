namespace Parallax.Model;

/// <summary>What a story placement keeps of one document: the day it is about and its features in the stored form
/// (a store writes <see cref="Stored"/> as it is and gives it back to <see cref="IStoryPlacement.Restore"/>).
/// <see cref="State"/> is the placement's own in-memory form, opaque to the store.</summary>
public sealed record PlacementFeatures(DateOnly? Day, string Stored, object State);

/// <summary>Where a document went: the story it joined or started, the stories merged into it because of it, and the
/// family (related stories: one topic, different events) with the families that joined it.</summary>
public readonly record struct Placement(long Story, long Family, bool Started, IReadOnlyList<long> Merged, IReadOnlyList<long> FamiliesJoined);

/// <summary>
/// Places new documents in a corpus's stories, one at a time in the order given. The Stories project implements it
/// (streaming clustering); a store calls it inside its write transaction and persists what it decides, so storage
/// never depends on how stories are formed. Not thread-safe except <see cref="Describe"/>.
/// </summary>
public interface IStoryPlacement
{
    /// <summary>The features of an analysed document; pure and thread-safe (a store computes them on every core
    /// before it takes its lock).</summary>
    PlacementFeatures Describe(Document analysed);

    /// <summary>Decides the story of a new document.</summary>
    Placement Place(PlacementFeatures features);

    /// <summary>Forgets every document (before a store replays its rows with <see cref="Restore"/>).</summary>
    void Clear();

    /// <summary>Takes back a stored decision without deciding again: how a store resumes a corpus.</summary>
    void Restore(string stored, long story, long family);
}

/// <summary>One story's line in a corpus listing.</summary>
public readonly record struct StoryDigest(string Title, int Sources, int Disputed);

/// <summary>Sums up a story's documents for a corpus listing (title, sources, disputed facts). Implemented by the
/// Stories project; a store calls it from several threads at once, so it must be thread-safe.</summary>
public interface IStoryDigests
{
    StoryDigest Of(IReadOnlyList<Document> members, CancellationToken ct);
}
