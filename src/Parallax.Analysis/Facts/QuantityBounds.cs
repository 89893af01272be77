using Parallax.Model;

namespace Parallax.Analysis.Facts;

/// <summary>
/// Turns a value and its qualifier into the interval of values the wording allows, and decides whether two such
/// intervals can both be true. This is the whole of the "do outlets agree" arithmetic, shared by the quantity stage and
/// the story-level fact aligner.
/// </summary>
/// <remarks>
/// Calibration (why ±10 %): news writers round to the nearest 5 or 10 and hedge with "about"; a reader treats
/// "about 25 minutes" as 22–28 and "30-minute video" as 27–33. With ±10 %, "about 25" and "about 20" (22.5–27.5 vs
/// 18–22) cannot both hold, while "30-minute" and "32-minute" (27–33 vs 32) can, which is how a careful reader
/// judges them. Numbers that are not round (32, 21, 1.2) were measured or counted, so they are taken as exact.
/// Ages and ordinals are never rounded by writers and stay exact.
/// </remarks>
public static class QuantityBounds
{
    /// <summary>Relative tolerance for hedged and round numbers (see remarks).</summary>
    public const double Tolerance = 0.10;

    /// <summary>A bare number a writer probably rounded: a whole multiple of 5 from 10 up.</summary>
    public static bool IsRound(double value) =>
        value >= 10 && value == Math.Floor(value) && value % 5 == 0;

    /// <summary>
    /// Bounds for <paramref name="value"/> (already in canonical units) under <paramref name="qualifier"/>.
    /// <paramref name="nearly"/> marks "nearly"/"almost", whose upper bound is the value itself;
    /// <paramref name="roundedFrom"/> is the number as written before unit conversion (so "30 minutes" counts as round
    /// even though 1800 s is too), or NaN to use <paramref name="value"/>.
    /// </summary>
    public static (double Lower, double Upper) For(
        Qualifier qualifier, double value, QuantityKind kind, bool nearly = false, double roundedFrom = double.NaN)
    {
        double written = double.IsNaN(roundedFrom) ? value : roundedFrom;
        switch (qualifier)
        {
            case Qualifier.Approximate:
            {
                // A hedged few of a time unit ("roughly one week", "about two months", "about an hour") is rounded to
                // the whole unit: half a unit either way, wider than 10 % of so small a count ("about a week" meets
                // "eight days", "about an hour" meets "40 minutes": a hedge never disputes; "about three weeks" is still
                // not "two weeks"). Any duration unit: the written count, not the unit, makes the rounding coarse.
                double tolerance = kind == QuantityKind.Duration && written is >= 1 and < 5 && written == Math.Floor(written)
                    ? Math.Max(Tolerance, 0.5 / written) : Tolerance;
                return nearly ? (Tidy(value * (1 - tolerance)), value) : (Tidy(value * (1 - tolerance)), Tidy(value * (1 + tolerance)));
            }
            case Qualifier.MoreThan:
            case Qualifier.AtLeast:
                return (value, double.PositiveInfinity);
            case Qualifier.LessThan:
            case Qualifier.AtMost:
                return (0, value);
            case Qualifier.Exact when kind is not (QuantityKind.Age or QuantityKind.Ordinal) && IsRound(written):
                return (Tidy(value * (1 - Tolerance)), Tidy(value * (1 + Tolerance)));
            default:
                return (value, value);
        }
    }

    /// <summary>Rounds away binary noise from unit conversions (1.8288000000000002 → 1.8288): 12 significant digits
    /// are far more than any printed number carries.</summary>
    public static double Tidy(double x)
    {
        if (x == 0 || !double.IsFinite(x)) return x;
        int digits = 11 - (int)Math.Floor(Math.Log10(Math.Abs(x)));
        return digits is >= 0 and <= 15 ? Math.Round(x, digits) : x;
    }

    /// <summary>
    /// True when the two claims' bounds meet. Touching bounds count as meeting: "more than 30 years" and "three decades",
    /// "just over four minutes" and "four minutes" are how writers round one figure, not a disagreement (an audit of
    /// shown disputes on unlabelled ECB+ events found three such false alarms and no real one; precision first).
    /// </summary>
    public static bool Overlap(Qualifier qa, double lowerA, double upperA, Qualifier qb, double lowerB, double upperB) =>
        Math.Max(lowerA, lowerB) <= Math.Min(upperA, upperB);

    /// <summary><see cref="Overlap(Qualifier,double,double,Qualifier,double,double)"/> for two quantities.</summary>
    public static bool Overlap(in Quantity a, in Quantity b) =>
        Overlap(a.Qualifier, a.Lower, a.Upper, b.Qualifier, b.Lower, b.Upper);
}
