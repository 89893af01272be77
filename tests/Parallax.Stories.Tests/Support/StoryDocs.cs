using Parallax.Analysis.Citations;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Stories.Tests.Support;

/// <summary>Analysed documents built from text written in the tests (no ingest, no files).</summary>
internal static class StoryDocs
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.Build(
        new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default), new QuoteStage(), new CitationStage());

    public static Document Doc(string id, string text, DateOnly? published = null) =>
        Pipeline.Run(new Document
        {
            Id = id,
            Origin = id + ".txt",
            Text = text,
            Metadata = published is { } p ? new DocumentMetadata { Published = new Sourced<DateOnly>(p, MetadataSource.Header) } : new(),
        });

    public static Func<string, string> Ids()
    {
        var ids = new Dictionary<string, string>();
        return key => ids.TryGetValue(key, out var id) ? id : ids[key] = $"e{ids.Count + 1}";
    }
}
