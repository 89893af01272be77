using System.Diagnostics;

namespace Parallax.Distill;

/// <summary>
/// Wall time and this process's CPU time since start. The machine is shared, so single-threaded speeds are reported per
/// CPU second (what one core does when it is ours) beside the wall-clock figure.
/// </summary>
internal sealed class CpuWatch
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpu = Cpu();

    public static CpuWatch Start() => new();

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public double CpuSeconds => (Cpu() - _cpu).TotalSeconds;

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
