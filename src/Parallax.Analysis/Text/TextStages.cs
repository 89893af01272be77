using System.Runtime.InteropServices;
using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>Adds the token layer.</summary>
public sealed class TokenizerStage : IDocumentStage
{
    public string Name => "tokens";
    public Layers Needs => Layers.None;
    public Layers Produces => Layers.Tokens;

    public Document Run(Document doc, CancellationToken ct)
    {
        // One exact-size array, handed to the immutable layer without another copy.
        var tokens = Tokenizer.TokenizeToArray(doc.Text);
        return doc with { Tokens = ImmutableCollectionsMarshal.AsImmutableArray(tokens), Layers = doc.Layers | Layers.Tokens };
    }
}

/// <summary>Adds the sentence layer and marks each sentence's first token.</summary>
public sealed class SentenceStage : IDocumentStage
{
    public string Name => "sentences";
    public Layers Needs => Layers.Tokens;
    public Layers Produces => Layers.Sentences;

    public Document Run(Document doc, CancellationToken ct)
    {
        var sentences = SentenceSplitter.SplitToArray(doc.Text, doc.Tokens.AsSpan());
        // The token layer is immutable and may be shared with the input document, so flags go on a copy.
        var tokens = doc.Tokens.ToArray();
        foreach (var s in sentences)
            if (s.TokenCount > 0) tokens[s.FirstToken] = tokens[s.FirstToken] with { Shape = tokens[s.FirstToken].Shape | TokenShape.SentenceStart };
        return doc with
        {
            Tokens = ImmutableCollectionsMarshal.AsImmutableArray(tokens),
            Sentences = ImmutableCollectionsMarshal.AsImmutableArray(sentences),
            Layers = doc.Layers | Layers.Sentences,
        };
    }
}
