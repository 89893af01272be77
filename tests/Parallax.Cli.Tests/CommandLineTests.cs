using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>A command line that never surprises: each friction a new user met, as the one line they now get.</summary>
public sealed class CommandLineTests
{
    private static string Samples => Path.Combine(Repo.Root, "samples", "reports");

    /// <summary>Exit 2, exactly one line on stderr, pointing at the command's help, and no help text or stack trace.</summary>
    private static string OneUsageLine(Repo.Run run, string command)
    {
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("parallax: ", lines[0]);
        Assert.EndsWith($"see '{command} --help'", lines[0]);
        Assert.DoesNotContain("Usage:", run.Stdout + run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        return lines[0];
    }

    [Fact]
    public void A_mistyped_option_is_an_error_naming_it_not_two_missing_files()
    {
        var outDir = Repo.TempDir();
        var line = OneUsageLine(Repo.Parallax("analyze", Samples, "--out", outDir, "--thread", "2"), "parallax analyze");
        Assert.Contains("unknown option '--thread'", line);
        Assert.Contains("did you mean '--threads'", line);
        Assert.False(File.Exists(Path.Combine(outDir, "report.json")), "nothing runs on a misread command line");
    }

    [Fact]
    public void An_unknown_option_of_a_command_without_arguments_is_an_error()
    {
        var line = OneUsageLine(Repo.Parallax("stories", "--db", Path.Combine(Repo.TempDir(), "x.db"), "--limt", "3"), "parallax stories");
        Assert.Contains("'--limt'", line);
    }

    [Fact]
    public void A_missing_required_option_is_one_line_with_exit_2()
    {
        var line = OneUsageLine(Repo.Parallax("analyze", Samples), "parallax analyze");
        Assert.Contains("--out", line);
    }

    [Fact]
    public void A_type_error_names_the_option_and_the_expected_value_in_words()
    {
        var line = OneUsageLine(Repo.Parallax("analyze", Samples, "--out", Repo.TempDir(), "--threads", "abc"), "parallax analyze");
        Assert.Contains("--threads expects a whole number of at least 1, not 'abc'", line);
        Assert.DoesNotContain("System.", line);
    }

    [Fact]
    public void A_story_id_that_is_not_a_number_is_named()
    {
        var line = OneUsageLine(Repo.Parallax("story", "seven", "--out", Repo.TempDir()), "parallax story");
        Assert.Contains("the story id expects a whole number, not 'seven'", line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Threads_below_one_are_refused(string threads)
    {
        var line = OneUsageLine(Repo.Parallax("analyze", Samples, "--out", Repo.TempDir(), "--threads", threads), "parallax analyze");
        Assert.Contains("--threads must be at least 1", line);
    }

    [Theory]
    [InlineData("stories")]
    [InlineData("search")]
    [InlineData("story")]
    public void Read_only_commands_never_create_a_database(string command)
    {
        var db = Path.Combine(Repo.TempDir(), "mistyped.db");
        string[] args = command switch
        {
            "search" => ["search", "bridge", "--db", db],
            "story" => ["story", "1", "--db", db, "--out", Repo.TempDir()],
            _ => ["stories", "--db", db],
        };
        var run = Repo.Parallax(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(db, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(db), $"{command} created {db}");
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("ingest")]
    public void A_url_says_parallax_reads_files_and_does_not_fetch(string command)
    {
        var dir = Repo.TempDir();
        string[] args = command == "analyze"
            ? ["analyze", "https://www.example.com/news/story.html", "--out", dir]
            : ["ingest", "https://www.example.com/news/story.html", "--db", Path.Combine(dir, "c.db")];
        var line = OneUsageLine(Repo.Parallax(args), "parallax " + command);
        Assert.Contains("does not fetch", line);
        Assert.Contains("saved pages", line);
        Assert.Contains("WARC", line);
        Assert.Contains("feeds", line);
        Assert.False(File.Exists(Path.Combine(dir, "c.db")));
    }

    [Fact]
    public void Warnings_are_not_wrapped_when_stderr_is_not_a_terminal()
    {
        var dir = Repo.TempDir();
        File.Copy(Directory.GetFiles(Samples)[0], Path.Combine(dir, "good.txt"));
        // A file name long enough that an 80-column wrap would split the warning.
        var name = "an-empty-report-with-a-rather-long-name-that-would-not-fit-on-one-eighty-column-line-of-a-terminal.txt";
        File.WriteAllText(Path.Combine(dir, name), "");
        var run = Repo.Parallax("analyze", dir, "--out", Repo.TempDir(), "--quiet");
        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("warning:", StringComparison.Ordinal));
        Assert.Contains(name, warning);
        Assert.Contains("empty", warning);
    }

    [Fact]
    public void One_of_a_thing_is_singular()
    {
        var dir = Repo.TempDir();
        File.Copy(Directory.GetFiles(Samples)[0], Path.Combine(dir, "one.txt"));
        var analyze = Repo.Parallax("analyze", dir, "--out", Repo.TempDir());
        Assert.Equal(0, analyze.ExitCode);
        Assert.Contains("1 document (", analyze.Stdout);
        Assert.Contains("1 story;", analyze.Stdout);
        Assert.DoesNotContain("1 stories", analyze.Stdout);

        var db = Path.Combine(Repo.TempDir(), "one.db");
        var ingest = Repo.Parallax("ingest", dir, "--db", db);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("ingested 1 new document (", ingest.Stdout);
        Assert.Contains("1 new story;", ingest.Stdout);
        Assert.Contains("corpus: 1 document", ingest.Stdout);

        var empty = Repo.TempDir();
        File.WriteAllText(Path.Combine(empty, "blank.txt"), " ");
        var nothing = Repo.Parallax("analyze", empty, "--out", Repo.TempDir());
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("(1 input skipped)", nothing.Stderr);
    }

    [Fact]
    public void Ingest_help_lists_every_input_kind()
    {
        var help = Repo.Parallax("ingest", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var kind in new[] { ".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom", "standard input" })
            Assert.Contains(kind, help.Stdout);
    }

    [Fact]
    public void The_readme_gives_the_exit_codes_the_cli_uses()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        Assert.Contains("| 0 | done", readme);
        Assert.Contains("| 1 | nothing could be read", readme);
        Assert.Contains("| 2 | the command line is wrong", readme);
    }
}
