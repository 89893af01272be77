using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Text;

/// <summary>The grammatical roles a word can play for quantity and time extraction. One word may have several
/// ("second" is an ordinal and a unit; "over" is a qualifier and a preposition).</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,
    /// <summary>Function word: never the head of a noun phrase, ends a head search.</summary>
    Stop = 1 << 0,
    /// <summary>Opens a noun phrase: "the", "a", "his".</summary>
    Determiner = 1 << 1,
    /// <summary>A cardinal: "five", "twenty", "hundred", "dozen".</summary>
    Cardinal = 1 << 2,
    /// <summary>"hundred", "thousand", "million": multiplies what precedes it.</summary>
    Scale = 1 << 3,
    Ordinal = 1 << 4,
    Unit = 1 << 5,
    /// <summary>A vague plural number: "dozens", "hundreds", "thousands".</summary>
    VaguePlural = 1 << 6,
    Month = 1 << 7,
    Weekday = 1 << 8,
    /// <summary>A word that names what follows it: "Section 1357", "Title 8", "Local 1", "No. 5".</summary>
    Label = 1 << 9,
    StreetSuffix = 1 << 10,
    /// <summary>A US state name or postal code, after which five digits are a ZIP code.</summary>
    Region = 1 << 11,
    /// <summary>"a.m.", "p.m.", "o'clock".</summary>
    Meridiem = 1 << 12,
    /// <summary>"morning", "afternoon", "evening", "night".</summary>
    PartOfDay = 1 << 13,
    /// <summary>An irregular or invariant plural noun ("children", "people"); <see cref="Lex.Lemma"/> is its singular.</summary>
    Plural = 1 << 14,
    /// <summary>Ends in "s" but is not a plural noun ("is", "news", "always").</summary>
    NotPlural = 1 << 15,
    /// <summary>"today", "yesterday", "tomorrow", "tonight".</summary>
    RelativeDay = 1 << 16,
    /// <summary>"last", "next", "this", "past", "coming".</summary>
    RelativeShift = 1 << 17,
    /// <summary>Closes an elapsed-time phrase: "later", "ago", "earlier".</summary>
    Elapsed = 1 << 18,
    /// <summary>An auxiliary or copula: "is", "was", "had" — after it comes a verb or complement, not a noun head.</summary>
    Auxiliary = 1 << 19,
    Currency = 1 << 20,
    Percent = 1 << 21,
    /// <summary>A preposition after which a year is a date ("in 2011", "since 2017").</summary>
    DatePreposition = 1 << 22,
    /// <summary>"noon", "midnight".</summary>
    NamedTime = 1 << 23,
}

/// <summary>Which qualifier word this is, matched backwards from the number ("more than", "at least").</summary>
internal enum QualWord : byte
{
    None, About, Nearly, Over, Under, More, Fewer, Than, At, Least, Most, Up, To, No, Close, Of, Upwards, Excess, In,
    As, Many, Just, Between, And, Or, Minimum, Maximum, A, Estimated, Plus,
}

/// <summary>A unit a number can be measured in. <see cref="Factor"/> converts to the canonical <see cref="Unit"/>.</summary>
internal sealed record UnitDef(QuantityKind Kind, double Factor, string Unit, string Name);

/// <summary>Everything the lexicon knows about one word; one lookup per word gives all of it.</summary>
internal readonly record struct Lex(
    WordClass Class,
    double Value = 0,
    UnitDef? Unit = null,
    byte Month = 0,
    byte Weekday = 0,
    QualWord Qual = QualWord.None,
    string? Lemma = null)
{
    public bool Is(WordClass c) => (Class & c) != 0;
}

/// <summary>
/// Static word lists for numbers, units, qualifiers, dates and the forms that look like numbers but are not quantities.
/// Sources: English number and ordinal words (complete up to the scales news uses); SI and US customary units as
/// printed in AP style; qualifiers from the hedges news writers put before numbers; label words that take a number
/// as a name ("Section", "Title", "Local", "Route") from US legal and street style; USPS state codes and AP state
/// abbreviations. Keys are case-insensitive; a lookup is one frozen-dictionary probe on a span.
/// </summary>
internal static class QuantityLexicon
{
    public static readonly UnitDef Second = new(QuantityKind.Duration, 1, "s", "second");
    public static readonly UnitDef Minute = new(QuantityKind.Duration, 60, "s", "minute");
    public static readonly UnitDef Hour = new(QuantityKind.Duration, 3600, "s", "hour");
    public static readonly UnitDef Day = new(QuantityKind.Duration, 86400, "s", "day");
    public static readonly UnitDef Week = new(QuantityKind.Duration, 7 * 86400, "s", "week");
    // Calendar months and years use their mean lengths (Gregorian: 365.2425 days).
    public static readonly UnitDef Month = new(QuantityKind.Duration, 365.2425 / 12 * 86400, "s", "month");
    public static readonly UnitDef Year = new(QuantityKind.Duration, 365.2425 * 86400, "s", "year");
    public static readonly UnitDef Decade = new(QuantityKind.Duration, 10 * 365.2425 * 86400, "s", "decade");
    public static readonly UnitDef Century = new(QuantityKind.Duration, 100 * 365.2425 * 86400, "s", "century");
    public static readonly UnitDef Percent = new(QuantityKind.Percent, 1, "%", "percent");

    private static readonly UnitDef Mile = new(QuantityKind.Length, 1609.344, "m", "mile");
    private static readonly UnitDef Foot = new(QuantityKind.Length, 0.3048, "m", "foot");
    private static readonly UnitDef Inch = new(QuantityKind.Length, 0.0254, "m", "inch");
    private static readonly UnitDef Yard = new(QuantityKind.Length, 0.9144, "m", "yard");
    private static readonly UnitDef Meter = new(QuantityKind.Length, 1, "m", "meter");
    private static readonly UnitDef Kilometer = new(QuantityKind.Length, 1000, "m", "kilometer");
    private static readonly UnitDef Centimeter = new(QuantityKind.Length, 0.01, "m", "centimeter");
    private static readonly UnitDef Millimeter = new(QuantityKind.Length, 0.001, "m", "millimeter");
    private static readonly UnitDef Pound = new(QuantityKind.Other, 0.45359237, "kg", "pound");
    private static readonly UnitDef Kilogram = new(QuantityKind.Other, 1, "kg", "kilogram");
    private static readonly UnitDef Ton = new(QuantityKind.Other, 907.18474, "kg", "ton");
    private static readonly UnitDef Tonne = new(QuantityKind.Other, 1000, "kg", "tonne");
    private static readonly UnitDef Degree = new(QuantityKind.Other, 1, "degree", "degree");
    private static readonly UnitDef Mph = new(QuantityKind.Other, 1, "mph", "mph");
    private static readonly UnitDef Acre = new(QuantityKind.Other, 1, "acre", "acre");
    private static readonly UnitDef Gallon = new(QuantityKind.Other, 3.785411784, "l", "gallon");
    private static readonly UnitDef Liter = new(QuantityKind.Other, 1, "l", "liter");
    private static readonly UnitDef Dollar = new(QuantityKind.Money, 1, "USD", "dollar");
    private static readonly UnitDef Cent = new(QuantityKind.Money, 0.01, "USD", "cent");
    private static readonly UnitDef Euro = new(QuantityKind.Money, 1, "EUR", "euro");
    private static readonly UnitDef Yen = new(QuantityKind.Money, 1, "JPY", "yen");
    private static readonly UnitDef Yuan = new(QuantityKind.Money, 1, "CNY", "yuan");
    private static readonly UnitDef Rupee = new(QuantityKind.Money, 1, "INR", "rupee");

    private static readonly FrozenDictionary<string, Lex> Words = Build();

    /// <summary>Span lookup: no string is made for the probe.</summary>
    private static readonly FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Lex Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var lex) ? lex : default;

    /// <summary>Every word the lexicon knows, with its entry (for building pre-tests such as a <see cref="WordSieve"/>).</summary>
    public static IEnumerable<KeyValuePair<string, Lex>> Entries => Words;

    public static bool TryGet(ReadOnlySpan<char> word, out Lex lex) => Lookup.TryGetValue(word, out lex);

    /// <summary>Currency symbols that prefix an amount ("$1.2", "US$5", "€3"), longest first.</summary>
    public static readonly (string Prefix, string Currency)[] CurrencyPrefixes =
    [
        ("US$", "USD"), ("HK$", "HKD"), ("NZ$", "NZD"), ("C$", "CAD"), ("A$", "AUD"), ("$", "USD"),
        ("\u20AC", "EUR"), ("\u00A3", "GBP"), ("\u00A5", "JPY"), ("\u20B9", "INR"),
    ];

    private static FrozenDictionary<string, Lex> Build()
    {
        var d = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        void Add(string w, Lex lex)
        {
            // Words with several roles merge: classes are or-ed, the first value/unit/lemma wins.
            if (d.TryGetValue(w, out var old))
                lex = new Lex(old.Class | lex.Class,
                    old.Value != 0 ? old.Value : lex.Value,
                    old.Unit ?? lex.Unit,
                    old.Month != 0 ? old.Month : lex.Month,
                    old.Weekday != 0 ? old.Weekday : lex.Weekday,
                    old.Qual != QualWord.None ? old.Qual : lex.Qual,
                    old.Lemma ?? lex.Lemma);
            d[w] = lex;
        }

        string[] ones =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ];
        for (int i = 0; i < ones.Length; i++) Add(ones[i], new Lex(WordClass.Cardinal, i));
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++) Add(tens[i], new Lex(WordClass.Cardinal, (i + 2) * 10));
        Add("dozen", new Lex(WordClass.Cardinal | WordClass.Scale, 12));
        Add("hundred", new Lex(WordClass.Cardinal | WordClass.Scale, 100));
        Add("thousand", new Lex(WordClass.Cardinal | WordClass.Scale, 1e3));
        Add("million", new Lex(WordClass.Cardinal | WordClass.Scale, 1e6));
        Add("billion", new Lex(WordClass.Cardinal | WordClass.Scale, 1e9));
        Add("trillion", new Lex(WordClass.Cardinal | WordClass.Scale, 1e12));
        Add("bn", new Lex(WordClass.Scale, 1e9));
        // Vague plurals: the value is the least the word can mean ("hundreds" = at least 200); the upper bound is the
        // next scale up, set where they are read.
        Add("dozens", new Lex(WordClass.VaguePlural, 24));
        Add("scores", new Lex(WordClass.VaguePlural, 40));
        Add("hundreds", new Lex(WordClass.VaguePlural, 200));
        Add("thousands", new Lex(WordClass.VaguePlural, 2000));
        Add("millions", new Lex(WordClass.VaguePlural, 2e6));
        Add("billions", new Lex(WordClass.VaguePlural, 2e9));
        Add("tens", new Lex(WordClass.VaguePlural, 20));

        string[] ordinals =
        [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
            "twentieth",
        ];
        for (int i = 0; i < ordinals.Length; i++) Add(ordinals[i], new Lex(WordClass.Ordinal, i + 1));
        Add("thirtieth", new Lex(WordClass.Ordinal, 30));
        Add("fortieth", new Lex(WordClass.Ordinal, 40));
        Add("fiftieth", new Lex(WordClass.Ordinal, 50));
        Add("hundredth", new Lex(WordClass.Ordinal, 100));

        void Units(UnitDef u, params string[] forms) { foreach (var f in forms) Add(f, new Lex(WordClass.Unit, Unit: u)); }
        Units(Second, "second", "seconds", "sec", "secs");
        Units(Minute, "minute", "minutes", "min", "mins");
        Units(Hour, "hour", "hours", "hr", "hrs");
        Units(Day, "day", "days");
        Units(Week, "week", "weeks");
        Units(new UnitDef(QuantityKind.Duration, 14 * 86400, "s", "fortnight"), "fortnight", "fortnights");
        Units(Month, "month", "months");
        Units(Year, "year", "years", "yr", "yrs");
        Units(Decade, "decade", "decades");
        Units(Century, "century", "centuries");
        Units(Mile, "mile", "miles");
        Units(Foot, "foot", "feet", "ft");
        Units(Inch, "inch", "inches");
        Units(Yard, "yard", "yards");
        Units(Meter, "meter", "meters", "metre", "metres");
        Units(Kilometer, "kilometer", "kilometers", "kilometre", "kilometres", "km");
        Units(Centimeter, "centimeter", "centimeters", "centimetre", "centimetres", "cm");
        Units(Millimeter, "millimeter", "millimeters", "millimetre", "millimetres", "mm");
        // "pound" is weight: US news writes sterling with "£".
        Units(Pound, "pound", "pounds", "lb", "lbs");
        Units(Kilogram, "kilogram", "kilograms", "kilo", "kilos", "kg");
        Units(Ton, "ton", "tons");
        Units(Tonne, "tonne", "tonnes");
        Units(Degree, "degree", "degrees");
        Units(Mph, "mph");
        Units(Acre, "acre", "acres");
        Units(Gallon, "gallon", "gallons");
        Units(Liter, "liter", "liters", "litre", "litres");
        Units(Dollar, "dollar", "dollars", "usd");
        Units(Cent, "cent", "cents");
        Units(Euro, "euro", "euros", "eur");
        Units(Yen, "yen", "jpy");
        Units(Yuan, "yuan", "cny");
        Units(Rupee, "rupee", "rupees", "inr");
        Units(new UnitDef(QuantityKind.Money, 1, "GBP", "pound sterling"), "gbp");
        Add("percent", new Lex(WordClass.Percent | WordClass.Unit, Unit: Percent));
        Add("pct", new Lex(WordClass.Percent | WordClass.Unit, Unit: Percent));
        Add("per", new Lex(WordClass.Stop));

        Add("about", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("around", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("roughly", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("approximately", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("approx", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("circa", new Lex(WordClass.Stop, Qual: QualWord.About));
        Add("some", new Lex(WordClass.Stop | WordClass.Determiner, Qual: QualWord.About));
        Add("estimated", new Lex(WordClass.None, Qual: QualWord.Estimated));
        Add("nearly", new Lex(WordClass.Stop, Qual: QualWord.Nearly));
        Add("almost", new Lex(WordClass.Stop, Qual: QualWord.Nearly));
        Add("over", new Lex(WordClass.Stop, Qual: QualWord.Over));
        Add("above", new Lex(WordClass.Stop, Qual: QualWord.Over));
        Add("under", new Lex(WordClass.Stop, Qual: QualWord.Under));
        Add("below", new Lex(WordClass.Stop, Qual: QualWord.Under));
        Add("more", new Lex(WordClass.Stop, Qual: QualWord.More));
        Add("fewer", new Lex(WordClass.Stop, Qual: QualWord.Fewer));
        Add("less", new Lex(WordClass.Stop | WordClass.NotPlural, Qual: QualWord.Fewer));
        Add("than", new Lex(WordClass.Stop, Qual: QualWord.Than));
        Add("at", new Lex(WordClass.Stop, Qual: QualWord.At));
        Add("least", new Lex(WordClass.Stop, Qual: QualWord.Least));
        Add("most", new Lex(WordClass.Stop, Qual: QualWord.Most));
        Add("up", new Lex(WordClass.Stop, Qual: QualWord.Up));
        Add("to", new Lex(WordClass.Stop, Qual: QualWord.To));
        Add("no", new Lex(WordClass.Stop | WordClass.Label, Qual: QualWord.No));
        Add("close", new Lex(WordClass.None, Qual: QualWord.Close));
        Add("of", new Lex(WordClass.Stop, Qual: QualWord.Of));
        Add("upwards", new Lex(WordClass.Stop | WordClass.NotPlural, Qual: QualWord.Upwards));
        Add("excess", new Lex(WordClass.None, Qual: QualWord.Excess));
        Add("in", new Lex(WordClass.Stop | WordClass.DatePreposition, Qual: QualWord.In));
        Add("as", new Lex(WordClass.Stop | WordClass.NotPlural, Qual: QualWord.As));
        Add("many", new Lex(WordClass.Stop, Qual: QualWord.Many));
        Add("much", new Lex(WordClass.Stop, Qual: QualWord.Many));
        Add("just", new Lex(WordClass.Stop, Qual: QualWord.Just));
        Add("between", new Lex(WordClass.Stop, Qual: QualWord.Between));
        Add("and", new Lex(WordClass.Stop, Qual: QualWord.And));
        Add("or", new Lex(WordClass.Stop, Qual: QualWord.Or));
        Add("minimum", new Lex(WordClass.None, Qual: QualWord.Minimum));
        Add("maximum", new Lex(WordClass.None, Qual: QualWord.Maximum));
        Add("a", new Lex(WordClass.Stop | WordClass.Determiner, Qual: QualWord.A));
        Add("an", new Lex(WordClass.Stop | WordClass.Determiner, Qual: QualWord.A));
        Add("plus", new Lex(WordClass.Stop | WordClass.NotPlural, Qual: QualWord.Plus));

        foreach (var w in new[] { "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "your", "my", "each", "every", "another", "any" })
            Add(w, new Lex(WordClass.Stop | WordClass.Determiner | (w is "his" or "its" or "this" or "those" or "these" ? WordClass.NotPlural : 0)));
        foreach (var w in new[]
        {
            "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "who", "whom", "whose", "which", "what",
            "where", "when", "why", "how", "there", "here", "then", "than", "not", "nor", "but", "if", "so", "because",
            "while", "after", "before", "during", "since", "until", "till", "for", "from", "with", "without", "by", "on",
            "into", "onto", "out", "off", "across", "through", "throughout", "toward", "towards", "against", "among",
            "amid", "per", "via", "within", "upon", "like", "also", "only", "even", "still", "yet", "very", "too",
            "again", "already", "always", "never", "often", "sometimes", "perhaps", "once", "twice", "thus", "hence",
            "whether", "although", "though", "unless", "whereas", "besides", "nevertheless", "other", "others",
            "such", "own", "same", "all", "both", "either", "neither", "few", "several", "various", "certain", "said",
            "says", "say", "told", "according", "later", "ago", "earlier", "now", "later", "since", "yes", "etc",
            "hers", "ours", "yours", "theirs", "itself", "himself", "herself", "themselves", "ourselves", "yourself",
            "mr", "mrs", "ms", "dr", "st", "will", "would", "can", "could", "should", "shall", "may", "might", "must",
            "do", "does", "did", "done", "doing",
        })
            Add(w, new Lex(WordClass.Stop | (w.EndsWith('s') ? WordClass.NotPlural : 0)));
        foreach (var w in new[] { "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "having", "get", "got", "gets" })
            Add(w, new Lex(WordClass.Stop | WordClass.Auxiliary | (w.EndsWith('s') ? WordClass.NotPlural : 0)));
        foreach (var w in new[] { "later", "ago", "earlier", "afterward", "afterwards", "before", "after", "prior" })
            Add(w, new Lex(WordClass.Elapsed));
        foreach (var w in new[] { "in", "since", "by", "until", "till", "during", "from", "through", "before", "after", "of", "early", "late", "mid", "around", "circa" })
            Add(w, new Lex(WordClass.DatePreposition));

        // Words ending in "s" that are not plural nouns (so "two news outlets" finds "outlets", not "news").
        foreach (var w in new[]
        {
            "news", "series", "species", "gas", "bias", "chaos", "lens", "politics", "economics", "physics", "status",
            "campus", "virus", "census", "bus", "process", "access", "business", "address", "witness", "congress",
            "progress", "success", "stress", "class", "glass", "boss", "loss", "miss", "kansas", "texas", "illinois",
            "arkansas", "ones", "this", "its", "his", "was", "has", "is", "does", "goes", "says", "makes", "takes",
            "shows", "seems", "means", "tells", "gives", "uses", "wants", "needs", "remains", "lives", "plus", "whereas",
            "overseas", "nevertheless", "afterwards", "towards", "upwards", "sometimes", "always", "perhaps", "thus",
            "unless", "various", "previous", "serious", "famous", "nervous", "numerous", "dangerous", "obvious",
            "anxious", "vicious", "religious", "gorgeous", "enormous", "jealous", "curious", "tremendous", "odds",
        })
            Add(w, new Lex(WordClass.NotPlural));

        foreach (var (pl, sg) in new[]
        {
            ("children", "child"), ("people", "person"), ("persons", "person"), ("men", "man"), ("women", "woman"),
            ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"), ("geese", "goose"), ("police", "police"),
            ("staff", "staff"), ("personnel", "personnel"), ("sheep", "sheep"), ("fish", "fish"), ("deer", "deer"),
            ("cattle", "cattle"), ("crew", "crew"), ("troops", "troop"), ("lives", "life"), ("wives", "wife"),
            ("knives", "knife"), ("thieves", "thief"), ("halves", "half"), ("leaves", "leaf"), ("shelves", "shelf"),
            ("data", "data"), ("media", "media"), ("aircraft", "aircraft"), ("offspring", "offspring"),
            ("series", "series"), ("species", "species"), ("buses", "bus"), ("viruses", "virus"), ("kids", "kid"),
            ("crewmen", "crewman"), ("gunmen", "gunman"), ("policemen", "policeman"), ("firemen", "fireman"),
            ("fishermen", "fisherman"), ("seamen", "seaman"), ("servicemen", "serviceman"), ("militiamen", "militiaman"),
            ("tribesmen", "tribesman"), ("guardsmen", "guardsman"), ("businessmen", "businessman"), ("patrolmen", "patrolman"),
        })
            Add(pl, new Lex(WordClass.Plural, Lemma: sg));

        string[] months =
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ];
        for (int i = 0; i < months.Length; i++)
        {
            Add(months[i], new Lex(WordClass.Month, Month: (byte)(i + 1)));
            if (months[i].Length > 4) Add(months[i][..3], new Lex(WordClass.Month, Month: (byte)(i + 1)));
        }
        Add("sept", new Lex(WordClass.Month, Month: 9));
        Add("june", new Lex(WordClass.Month, Month: 6));
        Add("july", new Lex(WordClass.Month, Month: 7));
        string[] weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        // Weekday numbers follow DayOfWeek + 1 (Sunday = 1) so 0 can mean "none".
        int[] dow = [1, 2, 3, 4, 5, 6, 0];
        for (int i = 0; i < weekdays.Length; i++) Add(weekdays[i], new Lex(WordClass.Weekday, Weekday: (byte)(dow[i] + 1)));

        foreach (var w in new[] { "morning", "afternoon", "evening", "night", "overnight" })
            Add(w, new Lex(WordClass.PartOfDay));
        foreach (var w in new[] { "today", "yesterday", "tomorrow", "tonight" }) Add(w, new Lex(WordClass.RelativeDay));
        foreach (var w in new[] { "last", "next", "this", "past", "coming", "previous" }) Add(w, new Lex(WordClass.RelativeShift));
        foreach (var w in new[] { "a.m", "p.m", "am", "pm", "o'clock", "o\u2019clock" }) Add(w, new Lex(WordClass.Meridiem));
        foreach (var w in new[] { "noon", "midnight", "midday" }) Add(w, new Lex(WordClass.NamedTime));

        // Words that name the number after them: legal sections, union locals, routes, flights, case numbers.
        foreach (var w in new[]
        {
            "section", "sections", "statute", "title", "local", "chapter", "article", "rule", "amendment", "route",
            "highway", "interstate", "no", "nos", "number", "room", "suite", "unit", "apt", "apartment", "flight",
            "case", "docket", "bill", "act", "proposition", "prop", "measure", "district", "precinct", "ward",
            "channel", "episode", "volume", "vol", "page", "exhibit", "item", "question", "version", "level", "phase",
            "code", "usc", "paragraph", "clause", "subsection", "part", "box", "lot", "gate", "platform", "pier",
            "terminal", "floor", "booth", "ext", "extension", "model", "grade", "track", "exit", "mile-marker",
            "sr", "sb", "ab", "hb", "ordinance", "resolution", "docket", "form", "schedule", "appendix",
            "figure", "table", "station", "squad", "division", "battalion", "regiment",
        })
            Add(w, new Lex(WordClass.Label));

        foreach (var w in new[]
        {
            "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "way",
            "court", "ct", "circle", "cir", "place", "pl", "terrace", "ter", "parkway", "pkwy", "highway", "hwy",
            "trail", "square", "sq", "plaza", "alley", "crescent", "expressway", "freeway", "pike", "turnpike",
        })
            Add(w, new Lex(WordClass.StreetSuffix));

        foreach (var w in new[]
        {
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
            "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
            "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
            "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
            "washington", "wisconsin", "wyoming", "ak", "az", "ar", "ca", "ct", "fl", "ga",
            "il", "ia", "ks", "ky", "md", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
            "ny", "nc", "nd", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi",
            "wy", "dc", "calif", "colo", "conn", "fla", "ill", "ind", "kan", "mich", "minn", "miss", "okla", "tenn",
            "tex", "wash", "wis", "zip",
        })
            Add(w, new Lex(WordClass.Region));

        foreach (var w in new[] { "usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "cny", "inr", "mxn" })
            Add(w, new Lex(WordClass.Currency));
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Numbers that name a service rather than count anything ("911 response times", "311 calls").</summary>
    public static bool IsServiceNumber(double v) => v is 911 or 311 or 411 or 211 or 988 or 999 or 112 or 101;
}
