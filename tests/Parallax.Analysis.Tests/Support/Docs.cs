using Parallax.Analysis.Citations;
using Parallax.Analysis.Entities;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Quotes;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Support;

/// <summary>Builds analysed documents from text written in the tests.</summary>
internal static class Docs
{
    private static readonly DocumentPipeline UpToCitations = DocumentPipeline.Build(
        new TokenizerStage(), new SentenceStage(), new EntityStage(EntityLexicon.Default), new QuoteStage(), new CitationStage());

    public static Document Analyse(string text, string id = "d1") =>
        UpToCitations.Run(new Document { Id = id, Origin = id, Text = text });

    private static readonly DocumentPipeline UpToSentences = DocumentPipeline.Build(new TokenizerStage(), new SentenceStage());

    /// <summary>Tokens and sentences only: input for a stage the test runs itself.</summary>
    public static Document Sentences(string text, string id = "d1") =>
        UpToSentences.Run(new Document { Id = id, Origin = id, Text = text });

    public static string[] Mentions(Document d, EntityType type) =>
        d.Entities.Where(m => m.Type == type).Select(m => d.Slice(m.Span)).ToArray();
}
