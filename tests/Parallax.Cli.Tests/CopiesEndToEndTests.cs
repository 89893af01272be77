using System.Text.Json;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>Wire copies in report.json: an exact duplicate is skipped, a lightly edited copy names its original.</summary>
public sealed class CopiesEndToEndTests
{
    [Fact]
    public void Duplicate_is_skipped_and_edited_copy_carries_copyOf()
    {
        var words = "council bridge river officials said repairs weeks closed traffic detour residents mayor police report storm inspectors cracks piers cost vote".Split(' ');
        var rng = new Random(5);
        var wire = string.Join(" ", Enumerable.Range(0, 15).Select(_ => string.Join(" ", Enumerable.Range(0, 12).Select(_ => words[rng.Next(words.Length)])) + "."));
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), wire);
        File.WriteAllText(Path.Combine(dir, "b.txt"), "The Riverton Gazette adds its own first sentence here. " + wire);
        File.WriteAllText(Path.Combine(dir, "c.txt"), wire);
        var outDir = Repo.TempDir();

        var run = Repo.Parallax("analyze", dir, "--out", outDir, "--quiet");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "report.json")));
        var docs = report.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(2, docs.Count);
        Assert.False(docs[0].TryGetProperty("copyOf", out _));
        Assert.Equal(docs[0].GetProperty("id").GetString(), docs[1].GetProperty("copyOf").GetProperty("doc").GetString());
        Assert.Contains(report.RootElement.GetProperty("skipped").EnumerateArray(),
            s => s.GetProperty("origin").GetString()!.EndsWith("c.txt", StringComparison.Ordinal) && s.GetProperty("reason").GetString()!.Contains("exact duplicate", StringComparison.Ordinal));
    }
}
