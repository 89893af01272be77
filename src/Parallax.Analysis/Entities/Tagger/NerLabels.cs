using Parallax.Model;

namespace Parallax.Analysis.Entities.Tagger;

/// <summary>
/// The BIO label set of the tagger: O, then B-/I- for PERSON, ORG and PLACE. Label ids are bytes so a sentence's
/// labels fit a <c>Span&lt;byte&gt;</c>; <see cref="Stride"/> pads the seven labels to eight so one weight row is one
/// 256-bit vector.
/// </summary>
public static class NerLabels
{
    public const byte O = 0;
    public const int Count = 7;
    public const int Stride = 8;

    /// <summary>Label names in id order, as written in CoNLL files.</summary>
    public static readonly string[] Names = ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-PLACE", "I-PLACE"];

    public static byte Begin(EntityType type) => (byte)(1 + 2 * (int)type);
    public static byte Inside(EntityType type) => (byte)(2 + 2 * (int)type);
    public static bool IsBegin(byte label) => label != O && (label & 1) == 1;
    public static bool IsInside(byte label) => label != O && (label & 1) == 0;

    /// <summary>The entity type of a B- or I- label.</summary>
    public static EntityType TypeOf(byte label) => (EntityType)((label - 1) / 2);

    /// <summary>BIO validity: I-X only continues B-X or I-X. <paramref name="previous"/> is <see cref="O"/> at a
    /// sentence start.</summary>
    public static bool CanFollow(byte previous, byte label) =>
        !IsInside(label) || (previous != O && TypeOf(previous) == TypeOf(label));

    /// <summary>Spans [first token, end token) with their types from a label sequence; an orphan I- opens a span
    /// (CoNLL scoring convention).</summary>
    public static List<(int Start, int End, EntityType Type)> Spans(ReadOnlySpan<byte> labels)
    {
        var spans = new List<(int, int, EntityType)>();
        int start = -1;
        EntityType type = default;
        for (int i = 0; i <= labels.Length; i++)
        {
            byte l = i < labels.Length ? labels[i] : O;
            bool continues = IsInside(l) && start >= 0 && TypeOf(l) == type;
            if (continues) continue;
            if (start >= 0) spans.Add((start, i, type));
            start = -1;
            if (l != O) { start = i; type = TypeOf(l); }
        }
        return spans;
    }
}
