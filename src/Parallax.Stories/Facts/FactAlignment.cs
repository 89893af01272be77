using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Stories.Facts;

/// <summary>
/// Who a quantity is credited to in its document: a number inside a quote by a spokesman belongs to the spokesman's
/// entity. Supplied by the caller from the quote and citation layers; return (null, null) for the outlet's own voice.
/// </summary>
public delegate (string? EntityId, string? Label) ClaimAttribution(Document doc, Quantity q);

/// <summary>A mention of a story entity: its id, display name and span in the document.</summary>
public readonly record struct EntityRef(string Id, string Name, int Start, int End);

/// <summary>The story entities a sentence mentions, in text order; empty when the caller has none. Used to tie claims to
/// the people and places of their sentence, to keep apart the ages of different people, and to explain groupings.</summary>
public delegate IReadOnlyList<EntityRef> SentenceEntities(Document doc, TextSpan sentence);

/// <summary>The facts of one story (claims grouped with a verdict) and its accounts (sentences telling the same moment).</summary>
public sealed record FactAlignment(ImmutableArray<Fact> Facts, ImmutableArray<Account> Accounts);
