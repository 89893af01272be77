using Parallax.Analysis.Entities;
using System.Collections.Frozen;

namespace Parallax.Stories.Entities;

/// <summary>
/// Names of one country that news uses interchangeably ("U.S.", "United States", "America"; "Greece", "Hellenic
/// Republic"), from the embedded countries.txt (world-countries 5.1.0, ODbL-1.0). A form that two countries share is
/// dropped, so a match is never a guess. Loaded once, read-only.
/// </summary>
public sealed class PlaceNames
{
    private readonly FrozenDictionary<string, int> _countryOf;

    private PlaceNames(FrozenDictionary<string, int> countryOf) => _countryOf = countryOf;

    private static readonly Lazy<PlaceNames> Embedded = new(() => Parse(EmbeddedLists.Lines(typeof(PlaceNames).Assembly, "countries.txt")));

    /// <summary>The list shipped with Parallax.</summary>
    public static PlaceNames Default => Embedded.Value;

    /// <summary>Builds the lookup from lines of '|'-separated forms of one country each; '#' starts a comment line.</summary>
    public static PlaceNames Parse(IEnumerable<string> lines)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        int country = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            foreach (var form in line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var key = NameForms.Key(form);
                if (owner.TryGetValue(key, out var other) && other != country) ambiguous.Add(key);
                else owner[key] = country;
            }
            country++;
        }
        foreach (var key in ambiguous) owner.Remove(key);
        return new PlaceNames(owner.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The country a name (any form, any case) denotes, or -1.</summary>
    public int CountryOf(string name) => _countryOf.TryGetValue(NameForms.Key(name), out var c) ? c : -1;
}
