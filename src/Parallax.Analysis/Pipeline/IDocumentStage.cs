using Parallax.Model;

namespace Parallax.Analysis.Pipeline;

/// <summary>
/// One per-document analysis step. Pure: no I/O, no mutable shared state; it returns the document with
/// the layers it <see cref="Produces"/> added, and may rely on the layers it <see cref="Needs"/>.
/// Models and lexicons are given to the constructor, loaded once and shared read-only across threads.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }
    Layers Needs { get; }
    Layers Produces { get; }
    Document Run(Document doc, CancellationToken ct);
}
