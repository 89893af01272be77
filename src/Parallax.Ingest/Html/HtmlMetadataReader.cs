using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parallax.Model;

namespace Parallax.Ingest.Html;

/// <summary>
/// Reads article metadata from markup: Open Graph and article meta tags, JSON-LD (NewsArticle and friends),
/// &lt;title&gt;, &lt;h1&gt;, &lt;time datetime&gt; and the canonical link. Every value found is marked
/// <see cref="MetadataSource.Markup"/>.
/// </summary>
internal static class HtmlMetadataReader
{
    public static DocumentMetadata Read(IHtmlDocument doc, Uri? baseUri)
    {
        var ld = JsonLd.Read(doc);
        var outlet = FirstNonEmpty(Meta(doc, "og:site_name"), ld.Publisher, Meta(doc, "application-name"));
        var h1 = Text(doc.QuerySelector("h1"));
        var host = baseUri?.Host;
        var title = FirstNonEmpty(
            SiteFree(Meta(doc, "og:title"), outlet, host, h1), SiteFree(Meta(doc, "twitter:title"), outlet, host, h1), ld.Headline,
            SiteFree(StripSiteSuffix(doc.Title, outlet), outlet, host, h1), h1);
        var published = ParseDate(Meta(doc, "article:published_time"))
            ?? ParseDate(ld.DatePublished)
            ?? ParseDate(Meta(doc, "datePublished")) // itemprop or name variants
            ?? ParseDate(Meta(doc, "pubdate"))
            ?? ParseDate(Meta(doc, "date"))
            ?? ParseDate(doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
            ?? VisibleDates.Find(doc);
        var url = AbsoluteUrl(doc.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"), baseUri)
            ?? AbsoluteUrl(Meta(doc, "og:url"), baseUri)
            ?? AbsoluteUrl(ld.Url, baseUri);

        var modified = ParseDate(Meta(doc, "article:modified_time"))
            ?? ParseDate(ld.DateModified)
            ?? ParseDate(Meta(doc, "dateModified"))
            ?? ParseDate(Meta(doc, "og:updated_time"));
        var authors = Authors(doc, ld);
        var language = Language(doc, ld);

        return new DocumentMetadata
        {
            Authors = authors.IsEmpty ? null : new Sourced<ImmutableArray<string>>(authors, MetadataSource.Markup),
            Modified = modified is { } m ? new Sourced<DateOnly>(m, MetadataSource.Markup) : null,
            Language = language is null ? null : new Sourced<string>(language, MetadataSource.Markup),
            Title = title is null ? null : new Sourced<string>(title, MetadataSource.Markup),
            Outlet = outlet is null ? null : new Sourced<string>(outlet, MetadataSource.Markup),
            Published = published is { } d ? new Sourced<DateOnly>(d, MetadataSource.Markup) : null,
            Url = url,
        };
    }

    /// <summary>Authors from JSON-LD, then author meta tags (names, not profile URLs), then elements marked as the
    /// author (rel=author, itemprop=author); at most five, duplicates removed.</summary>
    private static ImmutableArray<string> Authors(IHtmlDocument doc, JsonLd ld)
    {
        IEnumerable<string?> candidates = ld.Authors is { IsDefaultOrEmpty: false } a ? a : [];
        if (ld.Authors is not { IsDefaultOrEmpty: false })
        {
            candidates = MetaAll(doc, "author").Concat(MetaAll(doc, "article:author")).Concat(MetaAll(doc, "parsely-author"))
                .Concat(MetaAll(doc, "sailthru.author")).Concat(MetaAll(doc, "dc.creator"));
            if (!candidates.Any(c => AuthorName(c) is not null))
                candidates = doc.QuerySelectorAll("[itemprop=author] [itemprop=name], [itemprop=author], [rel~=author], .author .fn, .vcard .fn, "
                        + ".author-name, .byline-author, .entry-author, .post-author, .article-author, .author a, span.author, p.author, div.author")
                    .Select(e => e.TextContent).Take(10);
        }
        return [.. candidates.Select(AuthorName).Where(n => n is not null).Select(n => n!).Distinct(StringComparer.OrdinalIgnoreCase).Take(5)];
    }

    private static readonly string[] AuthorPrefixes =
    [
        "View all posts by ", "All posts by ", "Posts by ", "Written by ", "Posted by ", "Author: ", "By ",
        "Zeige alle Beiträge von ", "Alle Beiträge von ", "Beiträge von ", "Geschrieben von ", "Autor: ", "Autorin: ", "Von ",
        "Tous les articles de ", "Par ",
    ];

    /// <summary>A person's name from an author value: profile URLs and e-mail addresses are not names; "By " goes.</summary>
    private static string? AuthorName(string? value)
    {
        var v = Clean(value);
        if (v is null || v.Contains("://", StringComparison.Ordinal) || v.Contains('@', StringComparison.Ordinal) || v.StartsWith('/')) return null;
        // Link texts and labels around the name in blog themes ("View all posts by …", "Zeige alle Beiträge von … →").
        foreach (var prefix in AuthorPrefixes)
            if (v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { v = v[prefix.Length..].Trim(); break; }
        v = v.TrimEnd('→', '»', ' ', ':', '|');
        if (v.Equals("admin", StringComparison.OrdinalIgnoreCase) || v.Equals("wordpressadmin", StringComparison.OrdinalIgnoreCase)) return null;
        // Bylines longer than this are sentences, not names.
        return v.Length is > 1 and <= 80 ? v : null;
    }

    /// <summary>The declared language: html lang, then content-language, then JSON-LD inLanguage, then og:locale
    /// ("en_US" becomes "en-US").</summary>
    private static string? Language(IHtmlDocument doc, JsonLd ld)
    {
        var lang = Clean(doc.DocumentElement?.GetAttribute("lang"))
            ?? Clean(doc.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content"))
            ?? ld.InLanguage
            ?? Meta(doc, "og:locale");
        if (lang is null) return null;
        lang = lang.Split(',')[0].Trim().Replace('_', '-');
        // A language tag is letters, digits and hyphens, starting with a 2–3 letter language.
        int dash = lang.IndexOf('-', StringComparison.Ordinal);
        var primary = dash < 0 ? lang : lang[..dash];
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetter) || !lang.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return null;
        return dash < 0 ? primary.ToLowerInvariant() : primary.ToLowerInvariant() + lang[dash..];
    }

    private static IEnumerable<string?> MetaAll(IHtmlDocument doc, string key)
    {
        foreach (var meta in doc.QuerySelectorAll("meta"))
            if (string.Equals(meta.GetAttribute("property"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase))
                yield return meta.GetAttribute("content");
    }

    /// <summary>Content of a meta tag named by property, name or itemprop (sites use all three).</summary>
    private static string? Meta(IHtmlDocument doc, string key)
    {
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            if (string.Equals(meta.GetAttribute("property"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("itemprop"), key, StringComparison.OrdinalIgnoreCase))
            {
                var content = Clean(meta.GetAttribute("content"));
                if (content is not null) return content;
            }
        }
        return null;
    }

    private static string? Text(IElement? el) => el is null ? null : Clean(HtmlTextRenderer.Render(el).Replace('\n', ' '));

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var v in values)
            if (Clean(v) is { } c) return c;
        return null;
    }

    private static readonly string[] TitleSeparators = [" | ", " – ", " — ", " - ", " » ", " :: ", " · ", " : "];

    /// <summary>
    /// A title without its site part. Titles are often "Headline | Site" or "Site » Headline": when the page's h1
    /// is one of the parts, it is the headline; otherwise parts naming the site (the outlet, or the host such as
    /// "mobilsicher.de") are dropped; if several parts are left, the longest is the headline (site names and section
    /// labels are short).
    /// </summary>
    private static string? SiteFree(string? title, string? site, string? host, string? h1)
    {
        title = Clean(title);
        if (title is null) return null;
        foreach (var sep in TitleSeparators)
        {
            if (!title.Contains(sep, StringComparison.Ordinal)) continue;
            var parts = title.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (h1 is not null && parts.FirstOrDefault(p => p.Equals(h1, StringComparison.OrdinalIgnoreCase)) is { } match) return match;
            var hostCore = host is null ? null : (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host);
            var kept = parts.Where(p => !(site is not null && p.Equals(site, StringComparison.OrdinalIgnoreCase))
                                        && !(hostCore is not null && p.Contains(hostCore, StringComparison.OrdinalIgnoreCase))).ToList();
            if (kept.Count == 0) return title;
            // A title that merely has a dash in it ("Covid-19 - what we know") keeps it when no part is the site.
            if (kept.Count == parts.Length && sep is " - " or " : " && h1 is null) return title;
            return kept.Count == 1 ? kept[0] : kept.MaxBy(p => p.Length);
        }
        return title;
    }

    /// <summary>"Headline | Site" → "Headline" when the suffix is the site name; other titles are kept whole.</summary>
    private static string? StripSiteSuffix(string? title, string? site)
    {
        title = Clean(title);
        if (title is null || site is null) return title;
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && title[(i + sep.Length)..].Trim().Equals(site, StringComparison.OrdinalIgnoreCase))
                return title[..i].Trim();
        }
        return title;
    }

    /// <summary>Parses an ISO date or date-time and keeps the calendar date as written (the publisher's local date,
    /// not converted to UTC, which could move it by a day).</summary>
    internal static DateOnly? ParseDate(string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && (value.Length == 10 || value[10] is 'T' or 't' or ' '))
            return d;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
            return DateOnly.FromDateTime(dto.DateTime);
        return null;
    }

    private static string? AbsoluteUrl(string? href, Uri? baseUri)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href)) return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (baseUri is not null && Uri.TryCreate(baseUri, href, out var rel) && (rel.Scheme == Uri.UriSchemeHttp || rel.Scheme == Uri.UriSchemeHttps))
            return rel.ToString();
        return null;
    }

    /// <summary>The article object of a page's JSON-LD blocks (NewsArticle, Article, BlogPosting, …).</summary>
    private readonly record struct JsonLd(string? Headline, string? Publisher, string? DatePublished, string? Url,
        string? DateModified = null, ImmutableArray<string> Authors = default, string? InLanguage = null)
    {
        public static JsonLd Read(IHtmlDocument doc)
        {
            var found = default(JsonLd);
            foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                    Visit(json.RootElement, ref found, depth: 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common on real pages; the other sources still count.
                }
            }
            return found;
        }

        private static void Visit(JsonElement e, ref JsonLd found, int depth)
        {
            if (depth > 8) return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Visit(item, ref found, depth + 1);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            if (e.TryGetProperty("@graph", out var graph)) Visit(graph, ref found, depth + 1);
            if (!IsArticle(e)) return;
            found = new JsonLd(
                found.Headline ?? String(e, "headline") ?? String(e, "name"),
                found.Publisher ?? PublisherName(e),
                found.DatePublished ?? String(e, "datePublished"),
                found.Url ?? String(e, "url") ?? MainEntityId(e),
                found.DateModified ?? String(e, "dateModified"),
                found.Authors.IsDefaultOrEmpty ? AuthorNames(e) : found.Authors,
                found.InLanguage ?? String(e, "inLanguage"));
        }

        private static bool IsArticle(JsonElement e)
        {
            if (!e.TryGetProperty("@type", out var type)) return false;
            static bool Match(string? t) => t is not null && (t.EndsWith("Article", StringComparison.OrdinalIgnoreCase)
                || t.Equals("BlogPosting", StringComparison.OrdinalIgnoreCase) || t.Equals("Report", StringComparison.OrdinalIgnoreCase));
            if (type.ValueKind == JsonValueKind.String) return Match(type.GetString());
            if (type.ValueKind == JsonValueKind.Array)
                foreach (var t in type.EnumerateArray())
                    if (t.ValueKind == JsonValueKind.String && Match(t.GetString())) return true;
            return false;
        }

        private static string? String(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

        private static string? PublisherName(JsonElement e)
        {
            if (!e.TryGetProperty("publisher", out var p)) return null;
            if (p.ValueKind == JsonValueKind.Array && p.GetArrayLength() > 0) p = p[0];
            if (p.ValueKind == JsonValueKind.String) return Clean(p.GetString());
            return p.ValueKind == JsonValueKind.Object ? String(p, "name") : null;
        }

        /// <summary>"author": a name, a Person object, or an array of either.</summary>
        private static ImmutableArray<string> AuthorNames(JsonElement e)
        {
            if (!e.TryGetProperty("author", out var a)) return default;
            var items = a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [a];
            var names = new List<string>();
            foreach (var item in items)
            {
                var name = item.ValueKind == JsonValueKind.String ? Clean(item.GetString())
                    : item.ValueKind == JsonValueKind.Object ? String(item, "name") : null;
                if (name is not null) names.Add(name);
            }
            return names.Count == 0 ? default : [.. names];
        }

        private static string? MainEntityId(JsonElement e)
        {
            if (!e.TryGetProperty("mainEntityOfPage", out var m)) return null;
            if (m.ValueKind == JsonValueKind.String) return Clean(m.GetString());
            return m.ValueKind == JsonValueKind.Object ? String(m, "@id") : null;
        }
    }
}
