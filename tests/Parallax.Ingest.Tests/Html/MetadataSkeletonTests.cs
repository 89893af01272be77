using Parallax.Ingest.Html;

namespace Parallax.Ingest.Tests.Html;

public sealed class MetadataSkeletonTests
{
    [Fact]
    public void Meta_and_link_tags_no_rule_reads_are_left_out_and_the_rest_kept()
    {
        var skeleton = MetadataSkeleton.Build("""
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta name="keywords" content="bridge, council"><meta property="og:site_name" content="Gazette">
            <meta name="AUTHOR" content="Jo Park"><meta itemprop="datePublished" content="2019-07-23">
            <meta http-equiv="content-language" content="en"><meta class="post-date" content="x">
            <link rel="stylesheet" href="a.css"><link rel="canonical" href="https://gazette.example/a"><link rel="author" href="/jo">
            <title>Bridge</title></head><body><p>Text</p></body></html>
            """);
        Assert.DoesNotContain("viewport", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("keywords", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("stylesheet", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("charset", skeleton, StringComparison.Ordinal);
        foreach (var kept in new[] { "og:site_name", "AUTHOR", "datePublished", "content-language", "post-date", "canonical", "rel=\"author\"", "<title>Bridge</title>" })
            Assert.Contains(kept, skeleton, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_rel_author_brings_in_a_subtree()
    {
        var skeleton = MetadataSkeleton.Build("<body><a rel='nofollow' href='/x'><span>Menu item</span></a>" +
            "<a rel='author' href='/jo'><span>Jo Park</span></a><div class='entry-date'><b>23 July 2019</b></div></body>");
        Assert.DoesNotContain("Menu item", skeleton, StringComparison.Ordinal);
        Assert.Contains("<a rel='author' href='/jo'><span>Jo Park</span></a>", skeleton, StringComparison.Ordinal);
        Assert.Contains("<div class='entry-date'><b>23 July 2019</b></div>", skeleton, StringComparison.Ordinal);
    }
}
