using System.Runtime.InteropServices;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>Adds named-entity mentions (rules combined with the trained tagger). Linking mentions to entities is the story
/// stage's job.</summary>
/// <param name="lexicon">The gazetteers the rules and the tagger's features use.</param>
/// <param name="model">The tagger's model; null takes the one embedded in this assembly (rules alone when none is).</param>
public sealed class EntityStage(EntityLexicon lexicon, NerModel? model = null) : IDocumentStage
{
    private readonly EntityRecognizer recognizer = new(lexicon,
        (model ?? NerTagger.Default?.Model) is { } m ? new NerTagger(m, lexicon) : null);

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
