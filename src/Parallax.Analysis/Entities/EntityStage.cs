using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>Adds named-entity mentions. Linking mentions to entities is the story stage's job.</summary>
public sealed class EntityStage(EntityLexicon lexicon) : IDocumentStage
{
    private readonly EntityRecognizer recognizer = new(lexicon);

    public string Name => "entities";
    public Layers Needs => Layers.Tokens | Layers.Sentences;
    public Layers Produces => Layers.Entities;

    public Document Run(Document doc, CancellationToken ct) =>
        doc with
        {
            Entities = ImmutableCollectionsMarshal.AsImmutableArray(recognizer.Recognize(doc).ToArray()),
            Layers = doc.Layers | Layers.Entities,
        };
}
