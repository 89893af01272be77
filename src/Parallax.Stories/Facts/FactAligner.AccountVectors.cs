using Parallax.Analysis.Vectors;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>Account linking in other words: the phrase vectors of candidate sentences (docs/word-vectors.md).</summary>
public sealed partial class FactAligner
{
    /// <summary>
    /// Unit phrase vectors of a story's sentences, computed on first need, so the model loads only when a story has a
    /// candidate pair the shared words do not already link (a one-document story never loads it).
    /// </summary>
    private sealed class AccountVectors(IReadOnlyList<Document> docs, List<SentenceRec> sentences)
    {
        private WordVectors? model;
        private float[] values = [];
        private bool[] done = [];

        /// <summary>Cosine of the two sentences' phrase vectors (0 when either has no known word).</summary>
        public float Cosine(int a, int b)
        {
            if (model is null)
            {
                model = WordVectors.Default;
                values = new float[sentences.Count * model.Dimensions];
                done = new bool[sentences.Count];
            }
            ReadOnlySpan<float> x = Of(a), y = Of(b);
            float dot = 0;
            for (int d = 0; d < x.Length; d++) dot += x[d] * y[d];
            return dot;
        }

        private Span<float> Of(int s)
        {
            var row = values.AsSpan(s * model!.Dimensions, model.Dimensions);
            if (!done[s])
            {
                var rec = sentences[s];
                model.PhraseVector(docs[rec.Doc].Text.AsSpan(rec.Sentence.Start, rec.Sentence.End - rec.Sentence.Start), row);
                done[s] = true;
            }
            return row;
        }
    }
}
