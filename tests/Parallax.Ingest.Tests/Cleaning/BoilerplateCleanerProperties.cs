using FsCheck;
using FsCheck.Xunit;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Decoding;

namespace Parallax.Ingest.Tests.Cleaning;

public sealed class BoilerplateCleanerProperties
{
    // Invented story lines, some of them deliberately close to boilerplate wording.
    private static readonly string[] BodyPool =
    [
        BoilerplateCleanerTests.Body1,
        BoilerplateCleanerTests.Body2,
        "Comments from the public will be accepted until Friday, the clerk said.",
        "Officials urged residents to download the county's free emergency app before the storm arrived, the mayor said.",
        "The photo, taken by a neighbor, shows two officers at the door, and it spread quickly online over the weekend according to the department.",
        "\u201cI don\u2019t care whose car it is,\u201d the officer said.",
        "Subscribers to the water utility will see higher bills next year, officials said.",
        "Share prices fell sharply on Monday after the announcement, and analysts said the drop could continue for several more weeks before stabilising.",
        "KANSAS CITY, Mo. (KRVT) -- Crews worked through the night to restore power to more than 12,000 homes after Sunday's storm knocked down lines across the county.",
    ];

    // Boilerplate lines that are removed wherever they stand.
    private static readonly string[] BoilerplatePool =
    [
        "Breaking News Emails",
        "Advertisement",
        "Share this article",
        "Copyright 2024 Riverton Media Group. All rights reserved.",
        "Photo: A crowd gathers outside city hall on Tuesday.",
        "Volunteers fill sandbags near the river on Sunday. PHOTO/Jane Placeholder",
        "Posted by Riverton Fire Department on Friday, March 3, 2023",
        "READ MORE: City council approves new budget",
        "This story has been updated to include a statement from the county.",
        "Download our free news app for breaking alerts.",
        "(2) comments",
        "Recommended for you",
        "The full report can be found here.",
    ];

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static bool IsSubsequence(List<string> sub, List<string> of)
    {
        int j = 0;
        foreach (var s in of)
            if (j < sub.Count && sub[j] == s) j++;
        return j == sub.Count;
    }

    /// <summary>Whatever the input: no exception; every non-blank input line is either kept (in order) or reported
    /// as removed, never both and never lost.</summary>
    [Property(MaxTest = 500)]
    public bool Lines_are_kept_in_order_or_reported_removed(NonNull<string> input)
    {
        var text = input.Get;
        var cleaned = BoilerplateCleaner.Default.Clean(text);
        if (cleaned.Removed.Any(r => r.Reason == "date header")) return true; // a header line is split in two
        var original = Lines(TextDecoder.NormalizeNewlines(text));
        var kept = Lines(cleaned.Text);
        var removed = cleaned.Removed.Select(r => r.Text).ToList();
        return IsSubsequence(kept, original)
            && IsSubsequence(removed, original)
            && kept.Count + removed.Count == original.Count
            && !cleaned.Text.Contains("\n\n\n", StringComparison.Ordinal);
    }

    /// <summary>Story lines mixed with boilerplate in any order: the story comes out whole and in order, the
    /// boilerplate never does.</summary>
    [Property(MaxTest = 300)]
    public bool Story_lines_survive_and_boilerplate_goes(int[] picks, bool blankLines)
    {
        var lines = new List<string>();
        var body = new List<string>();
        foreach (var p in picks)
        {
            var n = Math.Abs(p % 1000);
            if (n % 2 == 0)
            {
                var line = BodyPool[n / 2 % BodyPool.Length];
                lines.Add(line);
                body.Add(line);
            }
            else
            {
                lines.Add(BoilerplatePool[n / 2 % BoilerplatePool.Length]);
            }
        }
        var cleaned = BoilerplateCleaner.Default.Clean(string.Join(blankLines ? "\n\n" : "\n", lines));
        var kept = Lines(cleaned.Text);
        return kept.SequenceEqual(body) && kept.All(k => !BoilerplatePool.Contains(k));
    }
}
