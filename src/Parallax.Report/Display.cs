using System.Globalization;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>Numbers as a reader wants to see them: "25 min", "22.5 – 27.5 min", "10 – no upper bound".</summary>
internal static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Number(double v) =>
        double.IsPositiveInfinity(v) ? "∞"
        : double.IsNegativeInfinity(v) ? "−∞"
        : double.IsNaN(v) ? "?"
        : Math.Abs(v) >= 10_000 ? v.ToString("#,0.###", Invariant) : v.ToString("0.###", Invariant);

    /// <summary>A value with its unit; durations (stored in seconds) in the largest unit that keeps them ≥ 1.</summary>
    public static string Quantity(QuantityKind kind, double value, string unit)
    {
        if (kind == QuantityKind.Duration && IsSeconds(unit) && double.IsFinite(value))
        {
            var (size, name) = DurationUnit(Math.Abs(value));
            return $"{Number(value / size)} {name}";
        }
        if (!double.IsFinite(value)) return Number(value);
        if (unit == "date" && value >= 0 && value <= DateOnly.MaxValue.DayNumber)   // a day number: "2005-06-24"
            return DateOnly.FromDayNumber((int)value).ToString("yyyy-MM-dd", Invariant);
        return unit.Length == 0 ? Number(value) : $"{Number(value)} {UnitWords(unit)}";
    }

    /// <summary>A unit as the page writes it: ISO 4217's "no currency" code (money whose currency sign the source text
    /// lost) in words, every other unit as it is.</summary>
    private static string UnitWords(string unit) => unit == "XXX" ? "(currency not stated)" : unit;

    /// <summary>The value with its qualifier in words: "about 25 min", "more than 30 min", "32 min".</summary>
    public static string Qualified(QuantityKind kind, Qualifier qualifier, double value, string unit)
    {
        var prefix = qualifier switch
        {
            Qualifier.Approximate => "about ",
            Qualifier.AtLeast => "at least ",
            Qualifier.MoreThan => "more than ",
            Qualifier.AtMost => "at most ",
            Qualifier.LessThan => "less than ",
            _ => "",
        };
        return prefix + Quantity(kind, value, unit);
    }

    /// <summary>The bounds in words, or null when they add nothing: an exact value, or an open bound the qualifier
    /// already says ("more than 30" is 30 to infinity).</summary>
    public static string? Bounds(QuantityKind kind, Qualifier qualifier, double value, double lower, double upper, string unit)
    {
        if (lower == value && upper == value) return null;
        if (qualifier is Qualifier.AtLeast or Qualifier.MoreThan && lower == value && double.IsPositiveInfinity(upper)) return null;
        if (qualifier is Qualifier.AtMost or Qualifier.LessThan && upper == value && double.IsNegativeInfinity(lower)) return null;

        bool lowFinite = double.IsFinite(lower), highFinite = double.IsFinite(upper);
        if (!lowFinite && !highFinite) return "no bounds";
        if (!highFinite) return Quantity(kind, lower, unit) + " or more";
        if (!lowFinite) return "up to " + Quantity(kind, upper, unit);
        if (kind == QuantityKind.Duration && IsSeconds(unit))
        {
            // One unit for both ends, chosen by the value, so the range reads "22.5 – 27.5 min".
            var (size, name) = DurationUnit(Math.Abs(double.IsFinite(value) ? value : upper));
            return $"{Number(lower / size)} – {Number(upper / size)} {name}";
        }
        return unit.Length == 0 ? $"{Number(lower)} – {Number(upper)}" : $"{Number(lower)} – {Number(upper)} {UnitWords(unit)}";
    }

    private static bool IsSeconds(string unit) => unit is "s" or "sec" or "second" or "seconds";

    private static (double Size, string Name) DurationUnit(double seconds) => seconds switch
    {
        >= 86_400 => (86_400, "days"),
        >= 3_600 => (3_600, "h"),
        >= 60 => (60, "min"),
        _ => (1, "s"),
    };
}
