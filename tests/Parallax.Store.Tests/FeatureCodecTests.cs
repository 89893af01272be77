using Microsoft.Data.Sqlite;
using Parallax.Stories.Streaming;

namespace Parallax.Store.Tests;

public sealed class FeatureCodecTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "parallax-feature-tests", Guid.NewGuid().ToString("N"));

    public FeatureCodecTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    [Fact]
    public void Features_come_back_exactly_and_smaller_and_the_plain_form_still_reads()
    {
        var f = StoryFeatures.Of(TestDocs.Doc("d1", TestDocs.BridgeA + " " + TestDocs.BridgeB, new DateOnly(2025, 3, 3)));
        var stored = FeatureCodec.Encode(f);
        Assert.StartsWith("~", stored, StringComparison.Ordinal);
        Assert.True(stored.Length < f.Serialize().Length, $"{stored.Length} vs {f.Serialize().Length}");
        Assert.Equal(f.Serialize(), FeatureCodec.Decode(stored).Serialize());
        Assert.Equal(f.Serialize(), FeatureCodec.Decode(f.Serialize()).Serialize());
        // The same terms in the same order as the plain form gives (the order a reload interns them in).
        Assert.Equal(FeatureCodec.Decode(f.Serialize()).Terms.ToList(), FeatureCodec.Decode(stored).Terms.ToList());
        var odd = new StoryFeatures(new Dictionary<string, float> { ["zeta"] = float.Epsilon, ["@ünï cödé"] = 1.0000001f, ["%2025-01-01"] = -0f }, new DateOnly(1, 1, 1));
        Assert.Equal(odd.Serialize(), FeatureCodec.Decode(FeatureCodec.Encode(odd)).Serialize());
        Assert.True(float.IsNegative(FeatureCodec.Decode(FeatureCodec.Encode(odd)).Terms["%2025-01-01"]));
        var none = new StoryFeatures(new Dictionary<string, float>(), null);
        Assert.Equal(none.Serialize(), FeatureCodec.Decode(FeatureCodec.Encode(none)).Serialize());
        Assert.Throws<InvalidDataException>(() => FeatureCodec.Decode(stored[..(stored.Length / 2)] + "AAAA"));
    }

    [Fact]
    public void A_corpus_whose_rows_hold_plain_features_is_resumed_the_same()
    {
        // Two identical corpora; in one, every row's features are rewritten in the plain form older versions wrote.
        var docs = TestDocs.Many(12).ToList();
        string a = Path.Combine(dir, "a.db"), b = Path.Combine(dir, "b.db");
        foreach (var path in new[] { a, b })
            using (var s = CorpusStore.Open(path, new StreamingPlacement())) s.AddAll(docs[..8]);
        using (var c = new SqliteConnection($"Data Source={b};Pooling=False"))
        {
            c.Open();
            var rows = new List<(long, string)>();
            using (var read = c.CreateCommand())
            {
                read.CommandText = "SELECT id, features FROM documents";
                using var r = read.ExecuteReader();
                while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1)));
            }
            Assert.All(rows, row => Assert.StartsWith("~", row.Item2, StringComparison.Ordinal));
            foreach (var (id, features) in rows)
            {
                using var write = c.CreateCommand();
                write.CommandText = "UPDATE documents SET features = $f WHERE id = $id";
                write.Parameters.AddWithValue("$f", FeatureCodec.Decode(features).Serialize());
                write.Parameters.AddWithValue("$id", id);
                write.ExecuteNonQuery();
            }
        }
        IReadOnlyList<AddResult> Resume(string path)
        {
            using var s = CorpusStore.Open(path, new StreamingPlacement());
            return s.AddAll(docs[8..]);
        }
        var (ra, rb) = (Resume(a), Resume(b));
        Assert.Equal(ra, rb);
        Assert.Contains(ra, r => !r.StartedStory); // the later documents joined stories rebuilt from the stored features
    }
}
