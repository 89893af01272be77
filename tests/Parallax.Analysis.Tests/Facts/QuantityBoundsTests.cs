using FsCheck;
using FsCheck.Xunit;
using Parallax.Analysis.Facts;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Facts;

public sealed class QuantityBoundsTests
{
    private static (double Lower, double Upper) B(Qualifier q, double v, bool nearly = false) =>
        QuantityBounds.For(q, v, QuantityKind.Duration, nearly);

    [Fact]
    public void Approximate_is_ten_percent_either_side()
    {
        var (lo, hi) = B(Qualifier.Approximate, 25);
        Assert.Equal(22.5, lo, 9);
        Assert.Equal(27.5, hi, 9);
    }

    [Fact]
    public void A_hedged_few_of_a_coarse_time_unit_is_half_a_unit_either_way()
    {
        static Quantity Q(string text, string span) => FactDocs.Single(text, span);
        var week = Q("The patch came roughly one week after the flaw was disclosed .", "roughly one week");
        Assert.True(QuantityBounds.Overlap(week, Q("The patch came eight days after the flaw was disclosed .", "eight days")));
        Assert.False(QuantityBounds.Overlap(Q("He was married about three weeks ago .", "about three weeks"),
            Q("He was married two weeks ago .", "two weeks")));
        Assert.False(QuantityBounds.Overlap(Q("They talked for about 25 minutes .", "about 25 minutes"),
            Q("They talked for about 20 minutes .", "about 20 minutes")));
    }

    [Fact]
    public void Nearly_caps_at_the_value() => Assert.Equal((27.0, 30.0), B(Qualifier.Approximate, 30, nearly: true));

    [Fact]
    public void More_than_and_at_least_are_open_upwards()
    {
        Assert.Equal((10.0, double.PositiveInfinity), B(Qualifier.MoreThan, 10));
        Assert.Equal((21.0, double.PositiveInfinity), B(Qualifier.AtLeast, 21));
    }

    [Fact]
    public void Up_to_and_less_than_start_at_zero()
    {
        Assert.Equal((0.0, 10.0), B(Qualifier.AtMost, 10));
        Assert.Equal((0.0, 3.0), B(Qualifier.LessThan, 3));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(25, true)]
    [InlineData(10, true)]
    [InlineData(42000, true)]
    [InlineData(32, false)]
    [InlineData(21, false)]
    [InlineData(5, false)]
    [InlineData(12.5, false)]
    public void Round_numbers_are_multiples_of_five_from_ten(double v, bool round) => Assert.Equal(round, QuantityBounds.IsRound(v));

    [Fact]
    public void Calibration_thirty_and_thirty_two_minute_agree_about_twenty_and_about_twenty_five_do_not()
    {
        // 30 minutes in seconds is 1800: still round as written (30), which is what roundedFrom carries.
        var (l30, u30) = QuantityBounds.For(Qualifier.Exact, 1800, QuantityKind.Duration, roundedFrom: 30);
        var (l32, u32) = QuantityBounds.For(Qualifier.Exact, 1920, QuantityKind.Duration, roundedFrom: 32);
        Assert.True(QuantityBounds.Overlap(Qualifier.Exact, l30, u30, Qualifier.Exact, l32, u32));
        var (l20, u20) = B(Qualifier.Approximate, 1200);
        var (l25, u25) = B(Qualifier.Approximate, 1500);
        Assert.False(QuantityBounds.Overlap(Qualifier.Approximate, l20, u20, Qualifier.Approximate, l25, u25));
    }

    [Fact]
    public void Ages_and_ordinals_are_never_rounded()
    {
        Assert.Equal((30.0, 30.0), QuantityBounds.For(Qualifier.Exact, 30, QuantityKind.Age));
        Assert.Equal((10.0, 10.0), QuantityBounds.For(Qualifier.Exact, 10, QuantityKind.Ordinal));
    }

    [Fact]
    public void Touching_bounds_meet_so_more_than_ten_and_ten_are_no_dispute()
    {
        // "more than 30 years" / "three decades": one figure rounded two ways, not a disagreement (precision first).
        Assert.True(QuantityBounds.Overlap(Qualifier.MoreThan, 10, double.PositiveInfinity, Qualifier.Exact, 10, 10));
        Assert.True(QuantityBounds.Overlap(Qualifier.AtLeast, 10, double.PositiveInfinity, Qualifier.Exact, 10, 10));
        Assert.True(QuantityBounds.Overlap(Qualifier.LessThan, 0, 3, Qualifier.Exact, 3, 3));
        Assert.True(QuantityBounds.Overlap(Qualifier.MoreThan, 10, double.PositiveInfinity, Qualifier.AtLeast, 21, double.PositiveInfinity));
        // Bounds that do not meet still cannot both hold.
        Assert.False(QuantityBounds.Overlap(Qualifier.MoreThan, 11, double.PositiveInfinity, Qualifier.Exact, 10, 10));
        Assert.False(QuantityBounds.Overlap(Qualifier.LessThan, 0, 3, Qualifier.Exact, 4, 4));
    }

    [Fact]
    public void Tidy_removes_conversion_noise() => Assert.Equal(1.8288, QuantityBounds.Tidy(6 * 0.3048));

    private static readonly Qualifier[] Single = [Qualifier.Exact, Qualifier.Approximate, Qualifier.AtLeast, Qualifier.MoreThan, Qualifier.AtMost, Qualifier.LessThan];

    [Property]
    public bool Bounds_always_contain_the_value_and_are_ordered(PositiveInt raw, NonNegativeInt qualifier, bool nearly, NonNegativeInt kind)
    {
        double value = raw.Get / 4.0;
        var q = Single[qualifier.Get % Single.Length];
        var k = (QuantityKind)(kind.Get % 8);
        var (lo, hi) = QuantityBounds.For(q, value, k, nearly && q == Qualifier.Approximate);
        return lo <= value && value <= hi && lo <= hi;
    }

    [Property]
    public bool Overlap_is_symmetric(PositiveInt a, PositiveInt b, NonNegativeInt qa, NonNegativeInt qb)
    {
        var qA = Single[qa.Get % Single.Length];
        var qB = Single[qb.Get % Single.Length];
        var (la, ua) = QuantityBounds.For(qA, a.Get % 50, QuantityKind.Count);
        var (lb, ub) = QuantityBounds.For(qB, b.Get % 50, QuantityKind.Count);
        return QuantityBounds.Overlap(qA, la, ua, qB, lb, ub) == QuantityBounds.Overlap(qB, lb, ub, qA, la, ua);
    }

    [Property]
    public bool A_claim_always_overlaps_itself_unless_open_at_a_point(PositiveInt a, NonNegativeInt qa)
    {
        var q = Single[qa.Get % Single.Length];
        var (l, u) = QuantityBounds.For(q, a.Get, QuantityKind.Count);
        return QuantityBounds.Overlap(q, l, u, q, l, u);
    }
}
