using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>Issue 13: control characters from input never reach the terminal raw.</summary>
public sealed class TerminalTextTests
{
    [Fact]
    public void Controls_and_bidi_overrides_are_written_as_visible_escapes()
    {
        Assert.Equal("plain title", TerminalText.Clean("plain title"));
        Assert.Equal("\\x1b]0;owned\\x07 \\x1b[2J", TerminalText.Clean("\u001b]0;owned\u0007 \u001b[2J"));
        Assert.Equal("a b c", TerminalText.Clean("a\tb\nc"));
        Assert.Equal("\\x9b \\x7f \\u202egpj.exe", TerminalText.Clean("\u009b \u007f \u202egpj.exe"));
        Assert.Equal("\u0002hit\u0003 \\x1b", TerminalText.Clean("\u0002hit\u0003 \u001b", "\u0002\u0003"));
        Assert.Equal("Ünïcödé — “quotes” 北京", TerminalText.Clean("Ünïcödé — “quotes” 北京"));
    }

    [Fact]
    public void Escapes_in_a_title_and_a_warning_do_not_reach_the_output()
    {
        var dir = Repo.TempDir();
        // A title with escapes (JSON escapes them legally) and a file name with one (quoted in the warning).
        File.WriteAllText(Path.Combine(dir, "a.jsonl"), "{\"title\": \"Bridge \\u001b]0;owned\\u0007 closes \\u001b[2J\\u202e\", "
            + "\"text\": \"Harbor officials said the bridge would reopen Friday after inspectors finished their work on the damaged pier.\"}\n");
        File.WriteAllText(Path.Combine(dir, "bad\u001b[2J.txt"), "");
        var run = Repo.Parallax("analyze", dir, "--out", Repo.TempDir());
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u202e', run.Stdout);
        Assert.Contains("Bridge \\x1b]0;owned", run.Stdout);
        Assert.Contains("bad\\x1b[2J.txt", run.Stderr);
    }
}
