using System.Collections.Immutable;

namespace Parallax.Model;

/// <summary>A span in one document of a story: the unit every cross-document claim points at.</summary>
public readonly record struct DocSpan(string Doc, int Start, int End)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>One real-world entity of a report, with every mention of it in any document.
/// The id is stable across the stories of one report.</summary>
public sealed record StoryEntity(
    string Id,
    string Name,
    EntityType Type,
    ImmutableArray<string> Aliases,
    ImmutableArray<DocSpan> Mentions);

/// <summary>One printing of a statement. <see cref="Source"/> is the phrase the sentence credits ("ICE spokesman Shawn
/// Neudauer", "she", "a Treasury spokesman"), <see cref="Speaker"/> the entity it was resolved to.</summary>
public sealed record QuoteOccurrence(DocSpan Span, QuoteKind Kind, string? Speaker, string? SpeakerLabel, DocSpan? Cue, DocSpan? Source = null);

/// <summary>The same statement as printed by one or more documents. <see cref="SpeakerConflict"/> is set when
/// occurrences credit different named speakers.</summary>
public sealed record QuoteGroup(
    string Id,
    string Text,
    string? Speaker,
    bool SpeakerConflict,
    ImmutableArray<QuoteOccurrence> Occurrences);

/// <summary>A fact's verdict. <see cref="Updated"/>: a later report revises an earlier count (news developing, not a
/// disagreement).</summary>
public enum FactStatus : byte { Agreed, Disputed, Single, Updated }

/// <summary>One document's statement of a quantity. <see cref="CopyOf"/> names the earlier document (by publication
/// date, then input order) whose sentence this claim's sentence repeats letter for letter, or is null.
/// <see cref="Entities"/> are the story entities its sentence mentions (default when unknown). <see cref="Measure"/> is what
/// is counted or measured ("killed:person", "age", "negotiate:duration"), <see cref="Holder"/> whose quantity it is (an
/// entity id, else a noun phrase, else "event"), <see cref="Scope"/> whole, part, roundup or background.</summary>
public sealed record Claim(
    DocSpan Span,
    DocSpan Sentence,
    double Value,
    double Lower,
    double Upper,
    string Unit,
    Qualifier Qualifier,
    string? AttributedTo,
    string? AttributedLabel,
    string? CopyOf = null,
    ImmutableArray<string> Entities = default,
    string? Measure = null,
    string? Holder = null,
    string? Scope = null);

/// <summary>Claims from different documents that measure the same thing, with a verdict and the evidence
/// for grouping them (so a reader can judge why they were compared). <see cref="PartOf"/> names the story's fact this one
/// is listed beside, when its claims are a part of that fact's quantity ("three other victims"), a wider total or an
/// earlier event's figure: shown with it, never counted against it.</summary>
public sealed record Fact(
    string Id,
    string About,
    QuantityKind Kind,
    FactStatus Status,
    ImmutableArray<Claim> Claims,
    ImmutableArray<string> Evidence,
    string? PartOf = null)
{
    /// <summary>Documents that state a claim of this fact in their own words: a claim whose sentence is a copy of an
    /// earlier document's (<see cref="Claim.CopyOf"/>) is not an independent source.</summary>
    public int IndependentSources => Claims.Where(c => c.CopyOf is null).Select(c => c.Span.Doc).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>Sentences from different documents that tell the same moment of the event, with the evidence for putting
/// them side by side (shared dates, shared rare words, facts their numbers belong to).</summary>
public sealed record Account(string Id, string About, ImmutableArray<DocSpan> Sentences, ImmutableArray<string> Facts,
    ImmutableArray<string> Evidence = default, ImmutableArray<WordDispute> Disputes = default);

/// <summary>Two tellings of one moment whose key words cannot both be true ("ordered" vs "granted", "suspended" vs
/// "surrendered"): a disagreement in words, not numbers.</summary>
/// <param name="Contrast">The contrast in words, e.g. "ordered vs granted".</param>
/// <param name="Words">Each contradicting word with its sentence; <see cref="DisputedWord.Side"/> says which side.</param>
public sealed record WordDispute(string Contrast, ImmutableArray<DisputedWord> Words);

/// <summary>One contradicting word of a <see cref="WordDispute"/>: the word, its sentence, and its side (0 or 1).</summary>
public sealed record DisputedWord(DocSpan Word, DocSpan Sentence, int Side);

public sealed record StoryCitation(DocSpan Span, string Cites, CitationKind Kind);

public sealed record TimelineEntry(string Date, DatePrecision Precision, DocSpan Span, DocSpan Sentence);

public sealed record Story(
    string Id,
    string Title,
    ImmutableArray<string> Documents,
    ImmutableArray<StoryEntity> Entities,
    ImmutableArray<QuoteGroup> Quotes,
    ImmutableArray<Fact> Facts,
    ImmutableArray<Account> Accounts,
    ImmutableArray<StoryCitation> Citations,
    ImmutableArray<TimelineEntry> Timeline);

/// <summary>A file or record that could not be read, kept so that nothing the user gave is silently dropped.</summary>
public sealed record Rejection(string Origin, string Reason);

/// <summary>Everything one run produced: what the report contract serialises.</summary>
public sealed record CorpusAnalysis(
    ImmutableArray<Document> Documents,
    ImmutableArray<Story> Stories,
    ImmutableArray<Rejection> Skipped);
