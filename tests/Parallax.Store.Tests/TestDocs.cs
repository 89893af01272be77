using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Store.Tests;

/// <summary>Analysed documents built from invented text (no article text in the repository).</summary>
internal static class TestDocs
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => StandardPipeline.Create());

    public const string BridgeA = "A barge struck the Cannery Street Bridge in Port Alden on Monday, stranding a Harbor Transit Authority streetcar. \"We heard a bang and the car stopped,\" said rider Mara Quist. The Coast Guard closed the Sorrel Channel while engineers inspected the pier.";
    public const string BridgeB = "The Cannery Street Bridge stayed closed Tuesday after a barge hit its center pier in Port Alden. Harbor Transit Authority streetcar passengers, 38 of them, were walked off the bridge; the Coast Guard kept the Sorrel Channel shut.";
    public const string Election = "Voters in Millbrook County approved a school levy on Tuesday by a wide margin. \"This is a good day for our children,\" superintendent Dale Orrin said. He promised new classrooms by autumn.";
    public const string Levy = "Millbrook County voters backed the school levy Tuesday; superintendent Dale Orrin said volunteers carried the campaign and new classrooms would open by autumn.";

    public static Document Doc(string id, string text, DateOnly? published = null, string? title = null) =>
        Pipeline.Value.Run(new Document
        {
            Id = id,
            Origin = id + ".txt",
            Text = text,
            Metadata = new DocumentMetadata
            {
                Published = published is { } p ? new Sourced<DateOnly>(p, MetadataSource.Input) : null,
                Title = title is null ? null : new Sourced<string>(title, MetadataSource.Input),
            },
        });

    /// <summary>Distinct documents about numbered invented events, two reports each.</summary>
    public static IEnumerable<Document> Many(int count)
    {
        for (int i = 0; i < count; i++)
        {
            int e = i / 2;
            yield return Doc($"m{i}", $"Report {i}: the Quarry{e} council in Town{e} voted on the Widget{e} plan. Mayor Person{e} Smith said the Widget{e} plan costs {e + 10} million.",
                new DateOnly(2025, 1, 1).AddDays(e % 300));
        }
    }
}
