using System.Diagnostics.CodeAnalysis;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>One result of reading a corpus: a <see cref="Model.Document"/>, or a <see cref="Model.Rejection"/> saying
/// what could not be read and why. Exactly one of the two is set (the default value is not a valid item).</summary>
public readonly record struct IngestItem
{
    private IngestItem(Document? document, Rejection? rejection)
    {
        Document = document;
        Rejection = rejection;
    }

    /// <summary>The document read, when <see cref="IsDocument"/>.</summary>
    public Document? Document { get; }

    /// <summary>Why an input was not read, when not <see cref="IsDocument"/>.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when this item holds a document.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsDocument => Document is not null;

    /// <summary>An item holding a document.</summary>
    public static IngestItem Of(Document document) => new(document ?? throw new ArgumentNullException(nameof(document)), null);

    /// <summary>An item holding a rejection.</summary>
    public static IngestItem Of(Rejection rejection) => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));

    /// <inheritdoc/>
    public override string ToString() => IsDocument ? $"{Document.Id} {Document.Origin}" : $"rejected {Rejection.Origin}: {Rejection.Reason}";
}
