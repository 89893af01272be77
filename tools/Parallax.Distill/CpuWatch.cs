using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parallax.Distill;

/// <summary>
/// Wall time and CPU time since start. The machine is shared, so single-threaded speeds are reported per CPU second
/// (what one core does when it is ours) beside the wall-clock figure. <see cref="ThreadSeconds"/> counts only the
/// calling thread (Linux: CLOCK_THREAD_CPUTIME_ID), so the runtime's background threads (tiered JIT, GC) do not count
/// against a single-threaded loop; <see cref="CpuSeconds"/> is the whole process.
/// </summary>
internal sealed class CpuWatch
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpu = Cpu();
    private readonly double _thread = Thread();

    public static CpuWatch Start() => new();

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public double CpuSeconds => (Cpu() - _cpu).TotalSeconds;

    /// <summary>CPU seconds of the calling thread (the thread that started the watch); process CPU where the clock is missing.</summary>
    public double ThreadSeconds => double.IsNaN(_thread) ? CpuSeconds : Thread() - _thread;

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Thread()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return NativeClock.clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t) == 0 ? t.Seconds + t.Nanoseconds * 1e-9 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeClock
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clock, out TimeSpec time);
    }
}
