using System.Collections.Frozen;

namespace Parallax.Ingest.Readers;

/// <summary>How a file is read, decided by its extension.</summary>
internal enum InputKind : byte { Unsupported, Text, Html, JsonLines, Json, Warc, Feed }

internal static class InputKinds
{
    private static readonly FrozenDictionary<string, InputKind> ByExtension = new Dictionary<string, InputKind>(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = InputKind.Text,
        [".text"] = InputKind.Text,
        [".md"] = InputKind.Text,
        [".html"] = InputKind.Html,
        [".htm"] = InputKind.Html,
        [".xhtml"] = InputKind.Html,
        [".jsonl"] = InputKind.JsonLines,
        [".ndjson"] = InputKind.JsonLines,
        [".json"] = InputKind.Json,
        [".warc"] = InputKind.Warc,
        [".rss"] = InputKind.Feed,
        [".atom"] = InputKind.Feed,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static InputKind Of(string path) =>
        path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) ? InputKind.Warc
        : ByExtension.GetValueOrDefault(Path.GetExtension(path), InputKind.Unsupported);
}
