namespace Parallax.Model;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units into a document's cleaned text,
/// so <c>text.Substring(Start, End - Start)</c> is the span.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Cover(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>Clamps the span into [0, length]; used at edges where offsets come from outside.</summary>
    public TextSpan Clamp(int length)
    {
        var s = Math.Clamp(Start, 0, length);
        var e = Math.Clamp(End, s, length);
        return new TextSpan(s, e);
    }

    public string Of(string text) => text.Substring(Start, End - Start);
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public override string ToString() => $"[{Start},{End})";
}

public enum TokenKind : byte { Word, Number, Punctuation, Symbol }

/// <summary>A token of the cleaned text. Shape flags are computed once so later stages never re-scan characters.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, TokenShape Shape)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
}

[Flags]
public enum TokenShape : byte
{
    None = 0,
    Capitalized = 1,   // first letter upper case
    AllCaps = 2,       // every letter upper case, at least two letters
    HasDigit = 4,
    HasHyphen = 8,
    HasPeriod = 16,    // "U.S.", "Sgt."
    SentenceStart = 32,
}

/// <summary>A sentence: its span and the range of its tokens in <see cref="Document.Tokens"/>.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
    public int EndToken => FirstToken + TokenCount;
}

public enum EntityType : byte { Person, Org, Place, Other }

/// <summary>A named mention of an entity. <see cref="Title"/> holds a role or honorific before the name
/// ("Sgt.", "spokesman"), which is evidence for merging but not part of the name.</summary>
public readonly record struct EntityMention(int Start, int End, EntityType Type, string? Title = null)
{
    public TextSpan Span => new(Start, End);
}

public enum QuoteKind : byte
{
    /// <summary>Words inside quotation marks.</summary>
    Direct,
    /// <summary>Reported speech: "Cleaver said the system needs to be repaired".</summary>
    Indirect,
    /// <summary>A statement introduced by a colon ("X had this to say:") and printed as a block.</summary>
    Block,
}

/// <summary>
/// An attributed statement. <see cref="Content"/> is the quoted words without marks; <see cref="Cue"/> the verb or phrase
/// ("said", "according to"); <see cref="Speaker"/> the mention naming who said it; <see cref="SpeakerLabel"/> a description
/// when no name fits ("the spokesperson", "a young male voice"); <see cref="Source"/> the phrase the sentence credits next
/// to the cue, as written ("ICE spokesman Shawn Neudauer", "she", "a Treasury spokesman"), when there is a cue.
/// </summary>
public readonly record struct Quote(
    TextSpan Content,
    QuoteKind Kind,
    TextSpan? Cue,
    TextSpan? Speaker,
    string? SpeakerLabel,
    TextSpan? Source = null);

public enum QuantityKind : byte
{
    Count,
    Duration,
    Age,
    Money,
    Percent,
    Ordinal,
    Length,
    Other,
}

/// <summary>
/// A number with what it measures. Bounds keep the qualifier: "about 25 minutes" is 25 with bounds [~22.5, ~27.5];
/// "more than 10 times" is (10, +inf). Durations are in seconds, money in its currency's units, ages in years.
/// <see cref="About"/> is the word the number measures (its head, lower-cased lemma-like key: "minute", "time", "view").
/// </summary>
public readonly record struct Quantity(
    int Start,
    int End,
    QuantityKind Kind,
    double Value,
    double Lower,
    double Upper,
    string Unit,
    string About,
    Qualifier Qualifier)
{
    public TextSpan Span => new(Start, End);
}

public enum Qualifier : byte { Exact, Approximate, AtLeast, MoreThan, AtMost, LessThan, Range }

public enum DatePrecision : byte { Year, Month, Day, Minute }

/// <summary>A date or time expression, resolved to ISO 8601 as precisely as the text and publication date allow.
/// <see cref="Iso"/> is null when it could not be resolved ("Tuesday" without a publication date).</summary>
public readonly record struct TimeExpression(int Start, int End, string? Iso, DatePrecision Precision, bool Relative)
{
    public TextSpan Span => new(Start, End);
}

public enum CitationKind : byte { Outlet, Agency, Person, Document }

/// <summary>A credit given by the document: "NBC News reported", "according to ICE", "told Newsweek".</summary>
public readonly record struct Citation(int Start, int End, string Cites, CitationKind Kind)
{
    public TextSpan Span => new(Start, End);
}
