using System.Collections.Immutable;

namespace Parallax.Model;

/// <summary>Where a metadata value came from, so a reader can judge it.</summary>
public enum MetadataSource : byte { None, Input, Markup, Header, Dateline, SelfReference, FileName, Url, Byline, Archive }

public readonly record struct Sourced<T>(T Value, MetadataSource Source);

/// <summary>A line taken out of the text while cleaning it, with the rule that took it out.</summary>
public sealed record RemovedText(string Text, string Reason);

/// <summary>What is known about a document apart from its text.</summary>
public sealed record DocumentMetadata
{
    public Sourced<string>? Title { get; init; }
    public Sourced<string>? Outlet { get; init; }
    public Sourced<DateOnly>? Published { get; init; }
    public string? Url { get; init; }
    /// <summary>When the page was fetched (an archive record's date); bounds the publication date from above.</summary>
    public DateOnly? Retrieved { get; init; }
    /// <summary>Authors named by the page or feed (bylines, author meta tags, JSON-LD), in page order.</summary>
    public Sourced<System.Collections.Immutable.ImmutableArray<string>>? Authors { get; init; }
    /// <summary>When the article was last changed, when the page says so.</summary>
    public Sourced<DateOnly>? Modified { get; init; }
    /// <summary>The language of the page as declared (BCP 47 tag, e.g. "en" or "de-AT").</summary>
    public Sourced<string>? Language { get; init; }
}

/// <summary>This document repeats another: the earliest document of its text (by publication date, then reading
/// order), and how much of the wording they share (Jaccard similarity of word shingles, 1 for identical text).</summary>
public sealed record CopyRelation(string Original, double Similarity);

/// <summary>The layers an analysis stage can add; the pipeline checks at build time that every need is met.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Tokens = 1,
    Sentences = 2,
    Entities = 4,
    Quotes = 8,
    Citations = 16,
    Times = 32,
    Quantities = 64,
}

/// <summary>
/// One news report. The cleaned <see cref="Text"/> is stored once; every annotation is a span into it.
/// Immutable: a stage returns a copy with one more layer (<c>doc with { Tokens = … }</c>).
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }
    /// <summary>Where the document was read from: a path, with "#line" for a JSON Lines record.</summary>
    public required string Origin { get; init; }
    public required string Text { get; init; }
    public DocumentMetadata Metadata { get; init; } = new();
    public ImmutableArray<RemovedText> Removed { get; init; } = [];
    /// <summary>Set when the text is a syndicated or lightly edited copy of an earlier document.</summary>
    public CopyRelation? CopyOf { get; init; }

    public Layers Layers { get; init; }
    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<EntityMention> Entities { get; init; } = [];
    public ImmutableArray<Quote> Quotes { get; init; } = [];
    public ImmutableArray<Citation> Citations { get; init; } = [];
    public ImmutableArray<TimeExpression> Times { get; init; } = [];
    public ImmutableArray<Quantity> Quantities { get; init; } = [];

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Index of the sentence holding <paramref name="offset"/>, or -1 (binary search: sentences are ordered).</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public DateOnly? PublishedDate => Metadata.Published?.Value;
}
