using System.Collections.Frozen;

namespace Parallax.Analysis.Entities;

/// <summary>
/// Word lists the entity recogniser uses. Gazetteers (first names, places) are built from ../shared/data/gazetteers by
/// <c>parallax lexicons</c> and embedded in this assembly; the short closed lists (titles, organisation heads) are written
/// here from newsroom usage. Loaded once and shared read-only.
/// </summary>
public sealed class EntityLexicon
{
    public FrozenSet<string> FirstNames { get; }
    public FrozenSet<string> Places { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstNameLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup { get; }

    /// <summary>Countries, US states, big cities and the press forms of them ("U.S.", "UK", "Calif.").</summary>
    public FrozenSet<string> MajorPlaces { get; }
    /// <summary>English demonyms ("American", "Dutch"): capitalised but not PERSON/ORG/PLACE names.</summary>
    public FrozenSet<string> Demonyms { get; }
    /// <summary>Company designators ("Inc.", "Corp", "GmbH", "LLC").</summary>
    public FrozenSet<string> OrgDesignators { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MajorPlaceLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DesignatorLookup { get; }

    public EntityLexicon(IEnumerable<string> firstNames, IEnumerable<string> places, IEnumerable<string>? majorPlaces = null,
        IEnumerable<string>? demonyms = null, IEnumerable<string>? orgDesignators = null)
    {
        FirstNames = firstNames.ToFrozenSet(StringComparer.Ordinal);
        MajorPlaces = (majorPlaces ?? []).Concat(UsStates).ToFrozenSet(StringComparer.Ordinal);
        Places = places.Concat(MajorPlaces).ToFrozenSet(StringComparer.Ordinal);
        Demonyms = (demonyms ?? []).ToFrozenSet(StringComparer.Ordinal);
        OrgDesignators = (orgDesignators ?? Designators).ToFrozenSet(StringComparer.Ordinal);
        FirstNameLookup = FirstNames.GetAlternateLookup<ReadOnlySpan<char>>();
        PlaceLookup = Places.GetAlternateLookup<ReadOnlySpan<char>>();
        MajorPlaceLookup = MajorPlaces.GetAlternateLookup<ReadOnlySpan<char>>();
        DemonymLookup = Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        DesignatorLookup = OrgDesignators.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly Lazy<EntityLexicon> Embedded = new(() =>
        new EntityLexicon(EmbeddedLists.Lines(typeof(EntityLexicon).Assembly, "first-names.txt"),
                          EmbeddedLists.Lines(typeof(EntityLexicon).Assembly, "places.txt"),
                          EmbeddedLists.Lines(typeof(EntityLexicon).Assembly, "major-places.txt"),
                          EmbeddedLists.Lines(typeof(EntityLexicon).Assembly, "demonyms.txt")));

    /// <summary>Legal-form designators written after company names (facts of usage).</summary>
    public static readonly string[] Designators =
    [
        "Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Co.", "Co", "Cos.", "Company", "Ltd.", "Ltd", "Limited",
        "LLC", "L.L.C.", "LLP", "L.L.P.", "LP", "L.P.", "PLC", "plc", "Plc", "GmbH", "AG", "S.A.", "SA", "N.V.", "NV", "B.V.",
        "SE", "S.p.A.", "SpA", "A/S", "ASA", "AB", "Oyj", "Pty", "Bhd", "KK", "K.K.", "Holdings", "Group", "Partners",
    ];

    /// <summary>The lexicon shipped with Parallax (embedded resources; no file access at run time).</summary>
    public static EntityLexicon Default => Embedded.Value;

    /// <summary>US states and DC (facts), so "Missouri" and "Kansas" are places whatever the city list holds.</summary>
    public static readonly string[] UsStates =
    [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
        "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
        "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
        "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
        "Washington, D.C.", "D.C.", "United States", "U.S.",
    ];

    /// <summary>Capitalised titles written before a name ("Sgt. Jacob Becchina", "Mayor Sly James"). A run that
    /// holds one of these has the person's name after it.</summary>
    public static readonly FrozenSet<string> PersonTitles = new[]
    {
        "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Cmdr.", "Commander", "Adm.", "Admiral", "Sgt.Maj.", "Prof.", "Professor", "Sgt.", "Sergeant", "Officer", "Chief", "Mayor",
        "Mayor-Elect", "Congressman", "Congresswoman", "Rep.", "Representative", "Sen.", "Senator", "Gov.", "Governor",
        "President", "Vice", "Judge", "Justice", "Det.", "Detective", "Lt.", "Lieutenant", "Capt.", "Captain", "Cpl.",
        "Corporal", "Gen.", "General", "Col.", "Colonel", "Maj.", "Major", "Sheriff", "Deputy", "Commissioner",
        "Councilman", "Councilwoman", "Councilmember", "Alderman", "Secretary", "Director", "Superintendent",
        "Spokesman", "Spokeswoman", "Spokesperson", "Specialist", "Attorney", "Rev.", "Pastor", "Father", "Bishop",
        "Pope", "King", "Queen", "Prince", "Princess", "Chairman", "Chairwoman", "Chair", "Trooper", "Agent", "Coach",
        "Dean", "Chancellor", "Minister", "Premier", "Ambassador", "Inspector", "Marshal", "Prosecutor", "MP", "MEP", "MSP",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower-case roles written right before a name ("ICE spokesman Shawn Neudauer").</summary>
    public static readonly FrozenSet<string> RoleNouns = new[]
    {
        "spokesman", "spokeswoman", "spokesperson", "congressman", "congresswoman", "senator", "officer", "sergeant",
        "sgt.", "chief", "mayor", "judge", "attorney", "lawyer", "resident", "director", "president", "governor",
        "sheriff", "deputy", "detective", "commissioner", "councilman", "councilwoman", "secretary", "agent", "partner",
        "girlfriend", "boyfriend", "wife", "husband", "mother", "father", "son", "daughter", "brother", "sister",
        "neighbor", "neighbour", "witness", "advocate", "activist", "representative", "specialist", "reporter",
        "professor", "coach", "pastor", "teacher", "student", "driver", "owner", "manager", "analyst", "economist",
        "counsel", "counselor", "counsellor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Head words that make a capitalised run an organisation.</summary>
    public static readonly FrozenSet<string> OrgHeads = new[]
    {
        "Department", "Dept.", "Police", "Enforcement", "Association", "Union", "Center", "Centre", "Alliance",
        "Organization", "Organisation", "Commission", "Commissioners", "Board", "Service", "Services", "Office",
        "Agency", "Council", "Committee", "University", "College", "Court", "Division", "Bureau", "Institute",
        "Foundation", "Party", "Administration", "Security", "Church", "School", "Hospital", "Company", "Corp.",
        "Corporation", "Inc.", "LLC", "Ltd.", "Co.", "News", "Times", "Post", "Tribune", "Journal", "Herald", "Gazette",
        "Ledger", "Network", "Group", "Coalition", "Advocates", "Project", "Fund", "Bank", "Authority", "Patrol",
        "Guard", "Army", "Navy", "Force", "Corps", "Congress", "Senate", "House", "Ministry", "Federation", "Society",
        "League", "Club", "Team", "Airlines", "Railway", "Transit", "Sheriff's", "Marshals", "Reserve", "Exchange",
        "Press", "Media", "Radio", "Television", "Magazine", "Dreamers", "Conference", "Assembly", "Legislature",
        "Cabinet", "Government", "Unit", "Station", "Command", "Reuters", "Associated", "Facebook", "Twitter",
        "Google", "Newsweek", "Motors", "Motor", "Industries", "Airways", "Electric", "Dynamics", "Technologies",
        "Systems", "Pharmaceuticals", "Laboratories", "Holdings", "Partners", "Bancorp", "Insurance", "Petroleum", "Energy",
        "Communications", "Entertainment", "Studios", "Records", "Mills", "Foods", "Stores", "Brands",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Single-word organisations whose name is also a head word above.</summary>
    public static readonly FrozenSet<string> KnownOrgs = new[] { "Reuters", "Facebook", "Twitter", "Google", "Newsweek", "Congress", "Senate" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>US state postal codes (facts), as in datelines: "KANSAS CITY, MO".</summary>
    public static readonly FrozenSet<string> UsStateCodes = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IA", "KS", "KY", "LA", "MD", "MA",
        "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may join capitalised words inside one name ("Department of Homeland Security").</summary>
    public static readonly FrozenSet<string> Connectors = new[] { "of", "and", "for", "the", "&", "de", "del", "la", "van", "von", "du", "der", "on" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that are not names on their own: months, weekdays, function words that open
    /// sentences, and common headline words. Checked case-insensitively.</summary>
    public static readonly FrozenSet<string> NotNames = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tomorrow", "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "his",
        "her", "their", "our", "my", "your", "its", "but", "and", "or", "so", "if", "in", "on", "at", "after", "before",
        "when", "while", "however", "according", "there", "as", "by", "for", "from", "with", "without", "during",
        "since", "despite", "initially", "furthermore", "ultimately", "asked", "upon", "then", "also", "many",
        "some", "all", "both", "each", "every", "no", "not", "one", "two", "three", "here", "what", "who", "why",
        "how", "where", "which", "whose", "because", "although", "though", "until", "unless", "over", "under",
        "about", "into", "through", "yes", "okay", "ok", "mr", "mrs", "ms", "breaking", "video", "photo", "watch",
        "read", "more", "updated", "posted", "editor", "click", "share", "comments", "copyright", "welcome",
        "let", "just", "even", "still", "now", "once", "only", "again", "cause", "whether", "various", "full",
        "hundreds", "thousands", "dozens", "meanwhile", "instead", "later", "earlier", "other", "another",
        "officers", "agents", "police", "residents", "people", "several", "most", "such", "any", "please", "don't",
        "keep", "be", "share", "recommended", "like", "follow",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Acronyms that are not organisations.</summary>
    public static readonly FrozenSet<string> NotAcronyms = new[]
    {
        "TV", "OK", "AM", "PM", "A.M.", "P.M.", "ID", "DNA", "GPS", "CEO", "CFO", "COO", "FAQ", "USA", "US", "U.S.", "UK", "U.K.",
        "PDF", "URL", "NOTE", "UPDATE", "PHOTO", "VIDEO", "WATCH", "READ", "MORE", "BREAKING", "LIVE", "I", "II", "III",
        "IV", "DJ", "LOL", "OMG", "AP", "COVID", "KC",
    }.ToFrozenSet(StringComparer.Ordinal);
}
