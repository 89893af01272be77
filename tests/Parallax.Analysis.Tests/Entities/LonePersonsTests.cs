using Parallax.Analysis.Entities;
using Parallax.Analysis.Tests.Support;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Entities;

/// <summary>One long "sentence" of lone surnames and no pronoun (a scraped list or table with no full stop): the
/// person-evidence search reads each sentence once, not once per name. Invented text.</summary>
[Collection(nameof(TimingCollection))]
public sealed class LonePersonsTests
{
    private static readonly string[] Names = ["Tolliver", "Garza", "Wendt", "Okafor"];

    private static (Document Doc, List<EntityMention> Mentions) Build(int words)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < words / 3; i++) text.Append(Names[i % Names.Length]).Append(" and the ");
        var doc = Docs.Sentences(text.ToString());
        var mentions = doc.Tokens.Where(t => char.IsUpper(doc.Text[t.Start]))
            .Select(t => new EntityMention(t.Start, t.End, EntityType.Person, null)).ToList();
        return (doc, mentions);
    }

    [Fact]
    public void A_long_sentence_of_lone_names_is_read_in_linear_time()
    {
        var (small, smallMentions) = Build(3_000);
        var (large, largeMentions) = Build(30_000);
        Assert.Single(small.Sentences);
        LinearTime.Assert(() => LonePersons.Untype(small, [.. smallMentions], EntityLexicon.Default),
            () => LonePersons.Untype(large, [.. largeMentions], EntityLexicon.Default));
    }
}
