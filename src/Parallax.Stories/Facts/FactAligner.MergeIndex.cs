using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Stories.Facts;

public sealed partial class FactAligner
{
    /// <summary>
    /// What <see cref="CanMerge"/> needs to know of a group's claims per document, kept so a merge check costs the smaller
    /// group's sentences and heads rather than every pair of members: per sentence the value its claims state, and per
    /// document and voice (head, entity, speaker label) the extreme bounds of its claims.
    /// </summary>
    private sealed class MergeIndex
    {
        public Dictionary<int, SentenceValue> Sentences = [];
        public Dictionary<(int Doc, string About, string? Entity, string? Label), VoiceBounds> Voices = [];

        public static MergeIndex Of(int claim, ClaimRec c)
        {
            var index = new MergeIndex();
            index.Sentences[c.Sentence] = new SentenceValue(c.Q.Value, false);
            index.Voices[(c.Doc, c.Q.About, c.EntityId, c.Label)] = VoiceBounds.Of(claim, c.Q);
            return index;
        }

        /// <summary>
        /// True when a claim of one index and a claim of the other share a sentence but not a value, or share a document
        /// and voice but not a bound (<see cref="QuantityBounds.Overlap(in Quantity, in Quantity)"/>): the pairwise rule,
        /// decided from the summaries.
        /// </summary>
        public static bool Conflict(MergeIndex a, MergeIndex b, List<ClaimRec> claims)
        {
            var (small, large) = a.Sentences.Count <= b.Sentences.Count ? (a, b) : (b, a);
            foreach (var (sentence, v) in small.Sentences)
                if (large.Sentences.TryGetValue(sentence, out var w) && SentenceValue.Join(v, w).Mixed) return true;
            (small, large) = a.Voices.Count <= b.Voices.Count ? (a, b) : (b, a);
            foreach (var (key, v) in small.Voices)
                if (large.Voices.TryGetValue(key, out var w) && VoiceBounds.Disjoint(v, w, claims)) return true;
            return false;
        }

        /// <summary>Adds the other index's claims to this one (the other is discarded).</summary>
        public void Absorb(MergeIndex from)
        {
            foreach (var (sentence, v) in from.Sentences)
                Sentences[sentence] = Sentences.TryGetValue(sentence, out var w) ? SentenceValue.Join(w, v) : v;
            foreach (var (key, v) in from.Voices)
            {
                if (Voices.TryGetValue(key, out var w)) w.Absorb(v);
                else Voices[key] = v;
            }
        }
    }

    /// <summary>The value a group's claims of one sentence state; <see cref="Mixed"/> when they state two (any two claims
    /// of the joined sets would then differ, as <c>!=</c> compares them).</summary>
    private readonly record struct SentenceValue(double Value, bool Mixed)
    {
        public static SentenceValue Join(SentenceValue a, SentenceValue b) =>
            new(a.Value, a.Mixed || b.Mixed || a.Value != b.Value);
    }

    /// <summary>A group's claims of one document and voice: their members and extreme bounds.</summary>
    private sealed class VoiceBounds
    {
        public List<int> Members = [];
        public double MaxLower = double.NegativeInfinity, MinUpper = double.PositiveInfinity;
        public bool Irregular; // an open bound, a NaN or an empty interval: decided pair by pair

        public static VoiceBounds Of(int claim, in Quantity q)
        {
            var v = new VoiceBounds();
            v.Members.Add(claim);
            v.Add(q);
            return v;
        }

        private void Add(in Quantity q)
        {
            if (q.Qualifier is Qualifier.MoreThan or Qualifier.LessThan || double.IsNaN(q.Lower) || double.IsNaN(q.Upper) || q.Lower > q.Upper)
                Irregular = true;
            MaxLower = Math.Max(MaxLower, q.Lower);
            MinUpper = Math.Min(MinUpper, q.Upper);
        }

        public void Absorb(VoiceBounds from)
        {
            Members.AddRange(from.Members);
            MaxLower = Math.Max(MaxLower, from.MaxLower);
            MinUpper = Math.Min(MinUpper, from.MinUpper);
            Irregular |= from.Irregular;
        }

        /// <summary>True when some claim of one set and some claim of the other do not overlap. With closed, proper
        /// intervals two fail to overlap exactly when one's lower bound exceeds the other's upper bound, so the extremes
        /// decide; otherwise every pair is compared.</summary>
        public static bool Disjoint(VoiceBounds a, VoiceBounds b, List<ClaimRec> claims)
        {
            if (!a.Irregular && !b.Irregular) return a.MaxLower > b.MinUpper || b.MaxLower > a.MinUpper;
            foreach (int x in a.Members)
                foreach (int y in b.Members)
                    if (!QuantityBounds.Overlap(claims[x].Q, claims[y].Q)) return true;
            return false;
        }
    }
}
