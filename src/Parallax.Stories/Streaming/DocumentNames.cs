using Parallax.Model;

namespace Parallax.Stories.Streaming;

/// <summary>
/// The names a document's entity mentions stand for, as story clustering compares them: one name per referent, whatever
/// the recognizer kept of each mention. A bare word that ends a longer name of the document ("Obama" beside "Barack
/// Obama", "Chargers" beside "San Diego Chargers") stands for that name; a leading "the" is dropped ("the Chargers").
/// Recognizers differ most in exactly these (whether a surname alone is kept, whether "the" opens a name), and each
/// such difference would otherwise add a name term that look-alike events share. Linear in mentions.
/// </summary>
internal static class DocumentNames
{
    /// <summary>One mention's name: lower-case <paramref name="Name"/>, its type, where it starts, and whether it was
    /// folded into a longer name.</summary>
    public readonly record struct Named(string Name, EntityType Type, int Start, bool Folded);

    public static List<Named> Of(Document doc)
    {
        var names = new List<Named>(doc.Entities.Length);
        // The longest name (then the first) ending with each last word: what a bare word stands for.
        Dictionary<string, (string Name, EntityType Type)>? longer = null;
        foreach (var m in doc.Entities)
        {
            var name = Clean(doc.Slice(m.Span));
            names.Add(new Named(name, m.Type, m.Start, false));
            int space = name.LastIndexOf(' ');
            if (space <= 0) continue;
            longer ??= new(StringComparer.Ordinal);
            var last = name[(space + 1)..];
            if (!longer.TryGetValue(last, out var seen) || seen.Name.Length < name.Length) longer[last] = (name, m.Type);
        }
        if (longer is null) return names;
        for (int i = 0; i < names.Count; i++)
        {
            var n = names[i];
            if (n.Name.Contains(' ') || !longer.TryGetValue(n.Name, out var full)) continue;
            // A place and a person do not share a name ("Washington" beside "George Washington"); either may be untyped.
            if (n.Type == EntityType.Place && full.Type == EntityType.Person || n.Type == EntityType.Person && full.Type == EntityType.Place) continue;
            names[i] = n with { Name = full.Name, Type = full.Type, Folded = true };
        }
        return names;
    }

    /// <summary>Lower case, white space as single spaces, no leading "the ".</summary>
    private static string Clean(string s)
    {
        var lower = s.ToLowerInvariant();
        if (lower.AsSpan().ContainsAny("\t\r\n\u00a0") || lower.Contains("  ", StringComparison.Ordinal))
            lower = string.Join(' ', lower.Split([' ', '\t', '\r', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
        if (lower.StartsWith("the ", StringComparison.Ordinal) && lower.Length > 4) lower = lower[4..];
        return lower;
    }
}
