using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Vectors;

namespace Parallax.Analysis.Tests.Entities.Tagger;

public sealed class VectorCodesTests
{
    [Theory]
    [InlineData("boeing")]
    [InlineData("Boeing")]
    [InlineData("airbus")]
    [InlineData("the")]
    [InlineData("U.S.")]
    [InlineData("Kowalczykowskiego")]
    [InlineData("1987")]
    [InlineData("NTSB")]
    [InlineData("Millan-Vazquez")]
    public void A_token_reads_the_clusters_and_signs_of_its_lower_case_entry_in_the_vectors(string token)
    {
        var vectors = WordVectors.Default;
        var codes = VectorCodes.From(vectors);
        codes.Of(token, NerFeatures.LowerHash(token), out uint clusters, out uint signs);
        int entry = vectors.Lookup(token.ToLowerInvariant());
        Assert.Equal((uint)(vectors.Cluster(entry, 0) | vectors.Cluster(entry, 1) << 10 | vectors.Cluster(entry, 2) << 20), clusters);
        Assert.Equal(vectors.SignBits(entry, VectorCodes.DirectionBits), signs);
    }

    [Fact]
    public void Punctuation_has_no_code()
    {
        var codes = VectorCodes.From(WordVectors.Default);
        codes.Of(",", NerFeatures.LowerHash(","), out uint clusters, out uint signs);
        Assert.Equal(VectorCodes.None, clusters);
        Assert.Equal(0u, signs);
    }

    [Fact]
    public void The_shipped_model_carries_the_codes_so_tagging_never_reads_the_vectors()
    {
        var model = NerTagger.Default?.Model ?? throw new InvalidOperationException("the NER model is not embedded");
        Assert.True(model.Codes.Count > 50_000, $"{model.Codes.Count} codes in ner.bin");
        var fromVectors = VectorCodes.From(WordVectors.Default);
        foreach (var word in new[] { "boeing", "Airbus", "said", "U.S.", "Zzyzxqwv" })
        {
            model.Codes.Of(word, NerFeatures.LowerHash(word), out uint c1, out uint s1);
            fromVectors.Of(word, NerFeatures.LowerHash(word), out uint c2, out uint s2);
            Assert.Equal((c2, s2), (c1, s1));
        }
    }

    [Fact]
    public void A_saved_model_reads_back_its_codes()
    {
        const int bits = 8;
        var codes = VectorCodes.From(WordVectors.Default);
        var model = new NerModel(bits, new float[(1 << bits) * NerLabels.Stride], new float[NerLabels.Stride * NerLabels.Stride], codes);
        using var stream = new MemoryStream();
        model.Save(stream, 0f);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(codes.Count, loaded.Codes.Count);
        loaded.Codes.Of("boeing", NerFeatures.LowerHash("boeing"), out uint c1, out uint s1);
        codes.Of("boeing", NerFeatures.LowerHash("boeing"), out uint c2, out uint s2);
        Assert.Equal((c2, s2), (c1, s1));
        Assert.NotEqual(VectorCodes.None, c1);
    }
}
