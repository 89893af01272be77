using System.Diagnostics;
using System.Text.RegularExpressions;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>`parallax serve` as a user starts it: on an empty corpus it answers within seconds; a bad address is one line.</summary>
public sealed partial class ServeEndToEndTests
{
    [Fact]
    public async Task Serve_starts_on_an_empty_corpus_and_answers()
    {
        var db = Path.Combine(Repo.TempDir(), "corpus.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in new[] { "serve", "--db", db, "--urls", "http://127.0.0.1:0" }) psi.ArgumentList.Add(a);
        psi.Environment["PARALLAX_API_KEY"] = "";
        using var p = Process.Start(psi)!;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var line = await p.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.NotNull(line);
            var url = Address().Match(line).Value;
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            Assert.Contains("read-only", line, StringComparison.Ordinal);
            using var http = new HttpClient();
            var page = await http.GetStringAsync(url + "/", ct);
            Assert.Contains("no stories yet", page, StringComparison.Ordinal);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void A_bad_address_is_one_line_without_a_stack_trace()
    {
        var run = Repo.Parallax("serve", "--db", Path.Combine(Repo.TempDir(), "corpus.db"), "--urls", "not-a-url");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("parallax: cannot listen on not-a-url", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
