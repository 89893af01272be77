namespace Parallax.Eval.Extraction;

/// <summary>
/// The page subsets the extraction evaluation reports beside the whole set: the block extractor's thresholds were tuned
/// on the even-indexed pages and the odd ones are held out; and the pages that declare English (html lang, as
/// Parallax's metadata reads it), because the held-back test set is English.
/// </summary>
public static class ExtractionSplits
{
    public static bool Tuning(int page) => page % 2 == 0;

    public static bool HeldOut(int page) => page % 2 == 1;

    /// <summary>Which pages declare English, by index.</summary>
    public static bool[] English(IReadOnlyList<PageOutput> outputs) =>
        [.. outputs.Select(o => o.Metadata?.Language?.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true)];
}
