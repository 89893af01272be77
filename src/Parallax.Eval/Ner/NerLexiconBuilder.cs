using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Ner;

/// <summary>
/// Builds the gazetteers the NER tagger's features read (committed under src/Parallax.Analysis/Entities/Lexicons, run by
/// <c>parallax lexicons</c>): major places with the forms the press writes (countries' names and alternate spellings,
/// US states and their AP abbreviations, "U.S.", "UK", cities of 1,000,000+) and English demonyms. Company designators
/// are a short closed list written in <c>EntityLexicon</c> (the shared designator file is CC BY-SA). Facts only, each file headed by its source and licence.
/// </summary>
public static class NerLexiconBuilder
{
    /// <summary>Cities at or above this population count as major places.</summary>
    private const int MajorCityPopulation = 1_000_000;

    /// <summary>AP state abbreviations and press forms of countries (facts of usage).</summary>
    private static readonly string[] PressPlaceForms =
    [
        "U.S.", "U.S.A.", "US", "USA", "America", "UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales",
        "Northern Ireland", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
        "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.",
        "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.",
        "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.", "Texas", "Europe", "Asia", "Africa", "Antarctica", "Australia",
        "North America", "South America", "Latin America", "Middle East", "Caribbean", "Pacific", "Atlantic",
    ];

    public static void Build(string gazetteers, string outDir, IEnumerable<string> usStates)
    {
        var places = new SortedSet<string>(PressPlaceForms, StringComparer.Ordinal);
        places.UnionWith(usStates);
        var demonyms = new SortedSet<string>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gazetteers, "countries-world-countries", "countries.json"))))
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                var name = c.GetProperty("name");
                AddName(places, name.GetProperty("common").GetString());
                AddName(places, name.GetProperty("official").GetString());
                if (c.TryGetProperty("altSpellings", out var alt))
                    foreach (var a in alt.EnumerateArray()) if (a.GetString() is { Length: > 2 } s) AddName(places, s);
                if (c.TryGetProperty("capital", out var capitals))
                    foreach (var a in capitals.EnumerateArray()) AddName(places, a.GetString());
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                    foreach (var g in new[] { "m", "f" })
                        if (eng.TryGetProperty(g, out var d)) AddName(demonyms, d.GetString());
            }
        foreach (var line in File.ReadLines(Path.Combine(gazetteers, "geonames", "cities15000.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[14], out var pop) || pop < MajorCityPopulation) continue;
            AddName(places, f[2]);
        }
        Write(Path.Combine(outDir, "major-places.txt"),
            "Major places: countries (common and official names, alternate spellings of 3+ letters, capitals) from world-countries\n" +
            "# 5.1.0 (ODbL-1.0), cities of 1,000,000+ from GeoNames cities15000 (CC-BY geonames.org), US states, AP state\n" +
            "# abbreviations and press forms. Built by `parallax lexicons`.", places);
        Write(Path.Combine(outDir, "demonyms.txt"),
            "English demonyms from world-countries 5.1.0 (ODbL-1.0). Built by `parallax lexicons`.", demonyms);

    }

    private static void AddName(SortedSet<string> set, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(char.IsAscii) || name.IndexOfAny([',', '(']) >= 0) return;
        set.Add(name);
    }

    private static void Write(string path, string header, IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(header).Append('\n');
        foreach (var l in lines) sb.Append(l).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
