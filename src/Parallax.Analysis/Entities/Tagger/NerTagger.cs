using System.Buffers;
using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// Tags one sentence at a time with BIO labels from a <see cref="NerModel"/>. Pure: no I/O; buffers are pooled per call,
/// so one tagger serves many threads.
/// </summary>
public sealed class NerTagger(NerModel model, EntityLexicon lexicon)
{
    /// <summary>Sentences longer than this are tagged in pieces, so a 10 MB line with no punctuation costs memory in
    /// proportion to the piece, not the line. Real sentences are far shorter; a name cut at a piece boundary is the
    /// price, paid once per thousand tokens.</summary>
    public const int MaxPiece = 1000;

    private static readonly Lazy<NerTagger?> Embedded = new(() =>
        NerModelResource.Load() is { } m ? new NerTagger(m, EntityLexicon.Default) : null);

    /// <summary>The tagger with the model embedded in this assembly, or null when none was built into it.</summary>
    public static NerTagger? Default => Embedded.Value;

    public NerModel Model => model;

    // A loaded model tags through the folded rows (same scores, fewer gathers); a model in training through its floats.
    private readonly NerFoldedScorer? _folded = model.Quantised is { } q ? new NerFoldedScorer(q, model.HashBits, model.Codes, lexicon, model.Gazetteer) : null;

    /// <summary>Writes one label per token of the sentence <paramref name="tokens"/> into <paramref name="labels"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, Span<byte> labels)
    {
        if (labels.Length < tokens.Length) throw new ArgumentException("labels shorter than tokens", nameof(labels));
        if (tokens.Length > 0 && NerHeadlineCase.IsAllCaps(text, tokens))
        {
            // A sentence in capitals is tagged as the document would write it (NerHeadlineCase), with the document's evidence.
            var recased = NerHeadlineCase.Recase(text, tokens, NerDocumentIndex.For(text, lexicon, model.Gazetteer));
            var shifted = ArrayPool<Token>.Shared.Rent(tokens.Length);
            try
            {
                int from = tokens[0].Start;
                for (int i = 0; i < tokens.Length; i++) shifted[i] = tokens[i] with { Start = tokens[i].Start - from, End = tokens[i].End - from };
                Tag(recased, shifted.AsSpan(0, tokens.Length), labels, text);
            }
            finally { ArrayPool<Token>.Shared.Return(shifted); }
            return;
        }
        Tag(text, tokens, labels, text);
    }

    private void Tag(string text, ReadOnlySpan<Token> tokens, Span<byte> labels, string documentText)
    {
        int piece = Math.Min(tokens.Length, MaxPiece);
        if (piece == 0) return;
        if (_folded is not null)
        {
            var sums = ArrayPool<int>.Shared.Rent(piece * NerLabels.Stride);
            var scores = ArrayPool<float>.Shared.Rent(piece * NerLabels.Stride);
            try
            {
                for (int start = 0; start < tokens.Length; start += MaxPiece)
                {
                    int n = Math.Min(MaxPiece, tokens.Length - start);
                    _folded.Score(text, tokens.Slice(start, n), sums, documentText);
                    var scale = model.Scale;
                    for (int k = 0; k < n * NerLabels.Stride; k++) scores[k] = sums[k] * scale;
                    NerModel.Viterbi(scores, n, model.Transitions, labels.Slice(start, n));
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(sums);
                ArrayPool<float>.Shared.Return(scores);
            }
            return;
        }
        var features = ArrayPool<int>.Shared.Rent(piece * NerFeatures.PerToken);
        try
        {
            for (int start = 0; start < tokens.Length; start += MaxPiece)
            {
                int n = Math.Min(MaxPiece, tokens.Length - start);
                NerFeatures.Extract(text, tokens.Slice(start, n), lexicon, model.Codes, model.HashBits, features, documentText, model.Gazetteer);
                model.Decode(features, n, labels.Slice(start, n));
            }
        }
        finally { ArrayPool<int>.Shared.Return(features); }
    }

    /// <summary>Entity spans of one sentence as token ranges [Start, End).</summary>
    public List<(int Start, int End, EntityType Type)> Spans(string text, ReadOnlySpan<Token> tokens)
    {
        var labels = ArrayPool<byte>.Shared.Rent(tokens.Length);
        try
        {
            Tag(text, tokens, labels);
            return NerLabels.Spans(labels.AsSpan(0, tokens.Length));
        }
        finally { ArrayPool<byte>.Shared.Return(labels); }
    }
}

/// <summary>The model file embedded from Entities/Models/ner.bin (built by <c>parallax train ner</c>).</summary>
public static class NerModelResource
{
    /// <summary>Loads the embedded model, or returns null when the assembly carries none.</summary>
    public static NerModel? Load()
    {
        var asm = typeof(NerModelResource).Assembly;
        var name = asm.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".ner.bin", StringComparison.Ordinal));
        if (name is null) return null;
        using var stream = asm.GetManifestResourceStream(name)!;
        using var buffered = new BufferedStream(stream, 1 << 16);
        return NerModel.Load(buffered);
    }
}
