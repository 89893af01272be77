namespace Parallax.Stories.Facts;

/// <summary>
/// Thresholds of the fact aligner. Calibrated by hand on the five seed reports of one event (an ICE arrest covered by
/// five outlets, with shared quoted statements, a disputed duration and independently worded agreeing numbers) and on
/// the small hand-written stories in the tests; each value says what it trades off.
/// </summary>
public sealed record FactAlignerOptions
{
    public static FactAlignerOptions Default { get; } = new();

    /// <summary>Score two claims need to be grouped. The same head alone (<see cref="AboutWeight"/>) is not enough: some
    /// shared context, an equal value or a shared date must back it, so "two officers" in one paragraph and "four
    /// officers" in another outlet's are not forced together.</summary>
    public double GroupThreshold { get; init; } = 0.45;

    /// <summary>Weight of an identical <c>About</c> ("negotiate" and "negotiate").</summary>
    public double AboutWeight { get; init; } = 0.4;

    /// <summary>Added when one claim's head word occurs in the other's sentence ("five days after he returned" and
    /// "he returned to Mexico ... five days later").</summary>
    public double AboutMentionBonus { get; init; } = 0.15;

    /// <summary>Weight of context similarity: rarity-weighted Dice overlap of the two sentences' content words, in [0,1].
    /// Copied sentences score 1; sentences telling the same moment in other words score about 0.15–0.5 on the seeds.</summary>
    public double ContextWeight { get; init; } = 0.9;

    /// <summary>Added when the two sentences mention the same resolved date or year.</summary>
    public double AnchorBonus { get; init; } = 0.15;

    /// <summary>Added when, in this story, no document states this dimension (kind and unit) in more than one sentence,
    /// or when each claim is its document's only event quantity of the dimension at its scale (within
    /// <see cref="MagnitudeRatio"/>), and the two sentences share at least one content word: if each outlet gives one
    /// "N times", or one minutes-long duration of the event, they are most likely measuring the same thing. Enough on
    /// its own, by design; the evidence line says so, and a reader can judge it.</summary>
    public double SparseDimensionBonus { get; init; } = 0.45;

    /// <summary>Added when both values are equal ("five days" and "five days"): the same number written twice is
    /// good evidence of the same measurement.</summary>
    public double SameValueBonus { get; init; } = 0.35;

    /// <summary>Added when values are within <see cref="NearRatio"/> of each other without being equal ("about 20" and
    /// "about 25 minutes"): versions of one number differ by a rounding step, different measurements usually more.
    /// This is what lets an outlet's own "after about 20 minutes" meet the quoted "about 25 minutes" and be disputed.</summary>
    public double NearValueBonus { get; init; } = 0.3;

    /// <summary>Added, beside <see cref="SameValueBonus"/>, when two durations or lengths of different documents are equal
    /// and each is the only statement of that exact value in its document ("30 miles" after "chased" and a "30-mile
    /// pursuit"; "41 years later" and a "41-year odyssey"): heads read from nearby words differ between outlets, a value
    /// each outlet states once most likely measures one thing. Values that agree never dispute, so a wrong join costs a
    /// pair, never a false alarm.</summary>
    public double OneValueBonus { get; init; } = 0.1;

    /// <summary>Added when two numbers describe the same named person ("Scott Russell, 46" and "46-year-old Scott Russell").</summary>
    public double SameOwnerBonus { get; init; } = 0.3;

    /// <summary>Smaller/larger value ratio from which two values count as near (20/25 = 0.8; 10/21 is not).</summary>
    public double NearRatio { get; init; } = 0.75;

    /// <summary>Claims whose values differ by more than this factor are rarely two versions of one number ("32" years
    /// vs "six-month-old"); their score is halved, and a group holding different heads may not span more.</summary>
    public double MagnitudeRatio { get; init; } = 3;

    /// <summary>Comparisons per claim within one blocking key; keeps the work linear in story size.</summary>
    public int CandidateCap { get; init; } = 48;

    /// <summary>How many of a sentence's rarest words serve as blocking keys besides the head.</summary>
    public int KeyTerms { get; init; } = 4;

    /// <summary>A word is rare when at most this fraction of the story's sentences hold it (at least 2 sentences).
    /// "judge" (8 of ~250 sentences) is rare; "ICE" (80) is not.</summary>
    public double RareFraction { get; init; } = 0.06;

    /// <summary>Rare words two sentences of different documents must share to tell the same moment.</summary>
    public int AccountMinShared { get; init; } = 2;

    /// <summary>Phrase-vector cosine (docs/word-vectors.md) at which two sentences of different documents that share a date
    /// or a fact tell the same moment in other words, when they share fewer than <see cref="AccountMinShared"/> rare words;
    /// above 1 turns it off. The best ECB+ train recall at a train and a dev precision no lower than without it
    /// (`parallax-distill accounts-stage`).</summary>
    public double AccountCosine { get; init; } = 0.78;

    /// <summary>Pairing score that is strong enough evidence to call two ages, one with a known holder and one without,
    /// one quantity in dispute.</summary>
    public double DisputeScore { get; init; } = 1.0;

    /// <summary>Smallest ratio of two values (smaller / larger) for durations, lengths and money with different heads to be
    /// called one quantity in dispute.</summary>
    public double DisputeNearRatio { get; init; } = 0.6;

    /// <summary>Pairing score needed to call two durations, lengths or sums further apart than
    /// <see cref="DisputeNearRatio"/> one quantity in dispute ("about 40 minutes" and "about 90 minutes" of one standoff).</summary>
    public double FarDisputeScore { get; init; } = 1.5;
}
