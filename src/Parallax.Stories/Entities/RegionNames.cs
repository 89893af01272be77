using System.Collections.Frozen;

namespace Parallax.Stories.Entities;

/// <summary>
/// US states written three ways in news: the name, the postal code of datelines ("KANSAS CITY, MO") and the AP
/// abbreviation ("Kan.", "Calif."). Each form maps to one state, so "MO", "Mo." and "Missouri" are one place. Bare
/// "Washington" is left out: in news it names the capital as often as the state; <see cref="AmbiguousStateOf"/> gives
/// it for a story with no sign of the capital (<see cref="SignsTheCapital"/>). Facts; read-only.
/// </summary>
public static class RegionNames
{
    private static readonly (string Name, string Code, string[] Ap)[] States =
    [
        ("Alabama", "AL", ["Ala."]), ("Alaska", "AK", []), ("Arizona", "AZ", ["Ariz."]), ("Arkansas", "AR", ["Ark."]),
        ("California", "CA", ["Calif."]), ("Colorado", "CO", ["Colo."]), ("Connecticut", "CT", ["Conn."]), ("Delaware", "DE", ["Del."]),
        ("Florida", "FL", ["Fla."]), ("Georgia", "GA", ["Ga."]), ("Hawaii", "HI", []), ("Idaho", "ID", []), ("Illinois", "IL", ["Ill."]),
        ("Indiana", "IN", ["Ind."]), ("Iowa", "IA", []), ("Kansas", "KS", ["Kan.", "Kans."]), ("Kentucky", "KY", ["Ky."]),
        ("Louisiana", "LA", ["La."]), ("Maine", "ME", []), ("Maryland", "MD", ["Md."]), ("Massachusetts", "MA", ["Mass."]),
        ("Michigan", "MI", ["Mich."]), ("Minnesota", "MN", ["Minn."]), ("Mississippi", "MS", ["Miss."]), ("Missouri", "MO", ["Mo."]),
        ("Montana", "MT", ["Mont."]), ("Nebraska", "NE", ["Neb."]), ("Nevada", "NV", ["Nev."]), ("New Hampshire", "NH", ["N.H."]),
        ("New Jersey", "NJ", ["N.J."]), ("New Mexico", "NM", ["N.M."]), ("New York", "NY", ["N.Y."]), ("North Carolina", "NC", ["N.C."]),
        ("North Dakota", "ND", ["N.D."]), ("Ohio", "OH", []), ("Oklahoma", "OK", ["Okla."]), ("Oregon", "OR", ["Ore."]),
        ("Pennsylvania", "PA", ["Pa."]), ("Rhode Island", "RI", ["R.I."]), ("South Carolina", "SC", ["S.C."]), ("South Dakota", "SD", ["S.D."]),
        ("Tennessee", "TN", ["Tenn."]), ("Texas", "TX", []), ("Utah", "UT", []), ("Vermont", "VT", ["Vt."]), ("Virginia", "VA", ["Va."]),
        ("Washington state", "WA", ["Wash."]), ("West Virginia", "WV", ["W.Va."]), ("Wisconsin", "WI", ["Wis."]), ("Wyoming", "WY", ["Wyo."]),
    ];

    private static readonly FrozenDictionary<string, int> Forms = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < States.Length; i++)
        {
            map[States[i].Name] = i;
            map[States[i].Code] = i;
            foreach (var ap in States[i].Ap) map[ap] = i;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The state a form names (case as written: "MO" and "Mo." but not "mo"), or -1.</summary>
    public static int StateOf(string name) => Forms.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The state a bare name also names when it is not the capital ("Washington"), or -1.</summary>
    public static int AmbiguousStateOf(string name) => name == "Washington" ? Forms["WA"] : -1;

    /// <summary>Words that show a text speaks of the capital: "Washington, D.C.", "DC", "District of Columbia", and the
    /// federal seats news calls by place ("White House", "Capitol Hill").</summary>
    /// <summary>Words only the capital's news carries: its name, the federal seats, and a wire dateline in capitals
    /// ("WASHINGTON (AP) —": a state's stories carry the city, "SPOKANE, Wash.").</summary>
    private static readonly string[] CapitalSigns = ["D.C.", "District of Columbia", "White House", "Capitol", "Pentagon", "Congress",
        "State Department", "WASHINGTON (", "WASHINGTON —", "WASHINGTON –", "WASHINGTON -"];

    /// <summary>Whether a text names the capital, so a bare "Washington" in its story may be the city.</summary>
    public static bool SignsTheCapital(string text)
    {
        foreach (var sign in CapitalSigns)
            if (text.Contains(sign, StringComparison.Ordinal)) return true;
        // "DC" as a word, not inside "DCFS".
        for (int i = text.IndexOf("DC", StringComparison.Ordinal); i >= 0; i = text.IndexOf("DC", i + 2, StringComparison.Ordinal))
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]))) return true;
        return false;
    }
}
