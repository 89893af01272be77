using System.Reflection;

namespace Parallax.Analysis.Entities;

/// <summary>Reads a word list embedded in an assembly (lexicons built by <c>parallax lexicons</c>): its lines, without
/// blank lines and '#' comment lines. Loading a model, not I/O on user data: the lists ship inside the assemblies.</summary>
public static class EmbeddedLists
{
    public static List<string> Lines(Assembly assembly, string fileName)
    {
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        return lines;
    }
}
