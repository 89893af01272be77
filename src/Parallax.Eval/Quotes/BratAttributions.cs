using System.Globalization;
using Parallax.Model;

namespace Parallax.Eval.Quotes;

/// <summary>A brat text-bound annotation: its label and fragments (brat allows discontinuous "start end;start end").</summary>
/// <param name="Label">The annotation type, e.g. Source, Cue, Content.</param>
/// <param name="Fragments">The fragments in file order, each a span into the text.</param>
public sealed record BratSpan(string Label, IReadOnlyList<TextSpan> Fragments)
{
    /// <summary>From the first fragment's start to the last fragment's end.</summary>
    public TextSpan Extent => new(Fragments.Min(f => f.Start), Fragments.Max(f => f.End));
}

/// <summary>One gold attribution: content, cue and source, each possibly missing (PolNeAR has source-less ones).</summary>
public sealed record GoldAttribution(BratSpan? Content, BratSpan? Cue, BratSpan? Source);

/// <summary>
/// Reads PolNeAR's brat standoff: T lines ("T3\tContent 115 290;300 310\ttext") define spans, E lines
/// ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1") tie them into attributions. Lines of other kinds (notes, relations)
/// and malformed lines are ignored rather than fatal: the corpus has a few stray lines, and one bad line should not
/// cost a document. Spans that fall outside the text are dropped.
/// </summary>
public static class BratAttributions
{
    /// <summary>Parses one .ann file against the text it annotates.</summary>
    public static List<GoldAttribution> Read(string ann, int textLength)
    {
        var spans = new Dictionary<string, BratSpan>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (var raw in ann.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 2) continue;
            if (line[0] == 'E') { events.Add(line); continue; }
            if (line[0] != 'T') continue;
            var fields = line.Split('\t');
            if (fields.Length < 2) continue;
            if (ParseSpan(fields[1], textLength) is { } span) spans[fields[0]] = span;
        }

        var result = new List<GoldAttribution>();
        foreach (var line in events)
        {
            var fields = line.Split('\t');
            if (fields.Length < 2) continue;
            BratSpan? content = null, cue = null, source = null;
            foreach (var arg in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = arg.IndexOf(':');
                if (colon <= 0 || !spans.TryGetValue(arg[(colon + 1)..], out var span)) continue;
                var role = arg[..colon];
                // "Content2" and similar numbered roles are second parts of the same role; keep the first one found
                // and merge later parts as extra fragments.
                if (role.StartsWith("Content", StringComparison.Ordinal)) content = Merge(content, span);
                else if (role.StartsWith("Cue", StringComparison.Ordinal)) cue = Merge(cue, span);
                else if (role.StartsWith("Source", StringComparison.Ordinal)) source = Merge(source, span);
            }
            if (content is not null || cue is not null || source is not null) result.Add(new GoldAttribution(content, cue, source));
        }
        return result;
    }

    private static BratSpan Merge(BratSpan? a, BratSpan b) =>
        a is null ? b : a with { Fragments = [.. a.Fragments, .. b.Fragments] };

    /// <summary>"Content 12 40;45 60" → label and fragments; null when malformed or outside the text.</summary>
    public static BratSpan? ParseSpan(string field, int textLength)
    {
        int space = field.IndexOf(' ');
        if (space <= 0) return null;
        var fragments = new List<TextSpan>();
        foreach (var part in field[(space + 1)..].Split(';'))
        {
            var pair = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pair.Length != 2
                || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
                || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out int end)
                || start > end || end > textLength) return null;
            fragments.Add(new TextSpan(start, end));
        }
        return fragments.Count == 0 ? null : new BratSpan(field[..space], fragments);
    }
}
