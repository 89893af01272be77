using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parallax.Cli.Tests.Support;

namespace Parallax.Cli.Tests;

/// <summary>A web archive built here from pages of the extraction set reads like the same pages saved as files.</summary>
public sealed class WarcEndToEndTests
{
    private const int Pages = 8;

    [Fact]
    public void Warc_gz_built_from_shared_pages_round_trips_through_analyze()
    {
        var set = RepositoryPaths.RequireShared(Path.Combine("data", "extraction", "trafilatura-eval"));
        Assert.SkipWhen(!OnPath("tar") || !OnPath("xz"), "tar and xz are needed to unpack html.tar.xz; test skipped.");
        using var eval = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(set, "evaldata.json")));
        // Pages in file order of the evaluation data, deterministic; the URL is the one the page came from.
        var chosen = eval.RootElement.EnumerateObject().Take(Pages)
            .Select(p => (Url: p.Name, File: p.Value.GetProperty("file").GetString()!)).ToList();

        var work = Repo.TempDir();
        var unpack = Run("tar", ["-xJf", Path.Combine(set, "html.tar.xz"), "-C", work, .. chosen.Select(c => "html/" + c.File)]);
        Assert.True(unpack == 0, "tar failed");

        // The same pages, once as .html files and once as response records of one .warc.gz (one gzip member each).
        var htmlDir = Path.Combine(work, "pages");
        Directory.CreateDirectory(htmlDir);
        using (var warc = File.Create(Path.Combine(work, "crawl.warc.gz")))
        {
            for (int i = 0; i < chosen.Count; i++)
            {
                var bytes = File.ReadAllBytes(Path.Combine(work, "html", chosen[i].File));
                File.WriteAllBytes(Path.Combine(htmlDir, $"{i:00}.html"), bytes);
                warc.Write(Gzip(Record("request", chosen[i].Url, "application/http; msgtype=request", Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"))));
                var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {bytes.Length}\r\n\r\n");
                warc.Write(Gzip(Record("response", chosen[i].Url, "application/http; msgtype=response", [.. http, .. bytes])));
            }
        }

        var fromFiles = Analyze(htmlDir);
        var fromWarc = Analyze(Path.Combine(work, "crawl.warc.gz"));

        Assert.NotEmpty(fromWarc);
        Assert.Equal(fromFiles.Select(d => d.Text), fromWarc.Select(d => d.Text));
        Assert.All(fromWarc, d => Assert.Contains("crawl.warc.gz#byte=", d.Path, StringComparison.Ordinal));
        Assert.All(fromWarc, d => Assert.Contains(d.Url, chosen.Select(c => new Uri(c.Url).ToString())));
    }

    private static List<(string Path, string Text, string Url)> Analyze(string input)
    {
        var outDir = Repo.TempDir();
        var run = Repo.Parallax("analyze", input, "--out", outDir, "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "report.json")));
        return report.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => (d.GetProperty("path").GetString()!, d.GetProperty("text").GetString()!, d.GetProperty("url").GetString() ?? ""))
            .ToList();
    }

    private static byte[] Record(string type, string uri, string contentType, byte[] block)
    {
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nWARC-Date: 2022-05-18T00:00:00Z\r\n" +
                   $"WARC-Target-URI: {uri}\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(head), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static int Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));
}
