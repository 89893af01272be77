using System.Diagnostics;

namespace Parallax.Testing;

/// <summary>
/// Asserts that work on ten times the input takes less than <c>maxRatio</c> times as long (linear gives about 10×,
/// quadratic 100×), robust to a busy machine: after a warm-up, the two sizes alternate for four rounds (up to twelve while over the limit), the small one
/// repeated ten times so both measurements last about as long and load slows them alike, and the fastest round of
/// each counts. Tests using it belong in <see cref="TimingCollection"/> so their own assembly does not run beside them.
/// </summary>
internal static class LinearTime
{
    public static void Assert(Action small, Action large, double maxRatio = 20)
    {
        small();
        large();
        double tSmall = double.MaxValue, tLarge = double.MaxValue;
        // Four rounds, and up to eight more while the ratio is over the limit: a burst of load from another process
        // (CI runs the test assemblies side by side) lifts one round, not the fastest of twelve; quadratic work stays
        // near 100x whatever the rounds.
        for (int round = 0; round < 12 && (round < 4 || tLarge / tSmall >= maxRatio); round++)
        {
            tSmall = Math.Min(tSmall, Seconds(small, 10) / 10);
            tLarge = Math.Min(tLarge, Seconds(large, 1));
        }
        Xunit.Assert.True(tLarge / tSmall < maxRatio,
            $"small: {tSmall * 1000:F1} ms, ten times larger: {tLarge * 1000:F1} ms, ratio {tLarge / tSmall:F1} (limit {maxRatio})");
    }

    private static double Seconds(Action work, int times)
    {
        // Garbage from earlier runs is collected first so one measurement does not pay for another's allocations.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < times; i++) work();
        return clock.Elapsed.TotalSeconds;
    }
}

/// <summary>Tests that compare timings run in this collection, never in parallel with the rest of their assembly.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;
