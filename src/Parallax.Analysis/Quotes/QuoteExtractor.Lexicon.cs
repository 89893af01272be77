using System.Collections.Frozen;
using Parallax.Analysis.Text;
using Parallax.Model;

namespace Parallax.Analysis.Quotes;

// The word lists the attribution forms share: cues, stops, pronouns, determiners and role nouns.
public sealed partial class QuoteExtractor
{
    /// <summary>Verbs and phrases that attribute speech or writing (newsroom usage; PolNeAR's most frequent cues).</summary>
    internal static readonly FrozenSet<string> CueVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "asserted", "asserts", "stated", "states", "wrote", "writes", "added",
        "adding", "explained", "explains", "noted", "notes", "claimed", "claims", "confirmed", "confirms", "tweeted",
        "responded", "responds", "replied", "replies", "insisted", "insists", "warned", "warns", "argued", "argues",
        "continued", "continues", "recalled", "acknowledged", "testified", "announced", "declared", "asked", "asks",
        "reads", "read", "posted", "saying", "stressed", "emphasized", "suggested", "conceded", "admitted", "remarked", "shouted",
        "yelled", "screamed", "urged", "cautioned", "concluded", "answered", "maintained", "pointed",
        "reiterated", "retorted", "whispered", "quipped", "joked", "stating", "promised", "promises", "reported",
        "reports", "mused", "boasted", "declares", "demanded", "pleaded", "interjected", "exclaimed", "snapped",
        "countered", "observed", "predicted", "vowed", "complained", "lamented", "shot",
        // Present forms of the past forms above ("…," Bozell adds).
        "adds", "concludes", "recalls", "acknowledges", "admits", "observes", "quips", "jokes", "laments", "complains",
        "counters", "wonders", "wondered", "agrees", "agreed", "cautions", "stresses", "emphasizes", "suggests",
        "predicts", "concedes", "maintains", "retorts", "answers", "continues",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CueVerbsLookup = CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cues that introduce reported (indirect) speech or an attributed belief: a subset of the speech verbs,
    /// because "asked" or "read" rarely do, plus verbs of knowing and believing that news attributes the same way
    /// ("Republicans expect that …", "the poll found …").</summary>
    private static readonly FrozenSet<string> IndirectCues = new[]
    {
        "said", "says", "say", "told", "tells", "asserted", "asserts", "stated", "states", "added", "explained", "noted",
        "notes", "claimed", "claims", "confirmed", "warned", "warns", "argued", "argues", "insisted", "insists",
        "acknowledged", "announced", "testified", "maintained", "stressed", "believes", "believe", "believed",
        "reported", "reports", "wrote", "writes", "predicted", "predicts", "suggested", "suggests", "contended",
        "alleged", "estimated", "agreed", "conceded", "admitted", "promised", "vowed", "thinks", "think", "thought",
        "expects", "expect", "expected", "fears", "feared", "worried", "hopes", "hoped", "knows", "knew", "found",
        "finds", "showed", "shows", "indicated", "indicates", "concluded", "denied", "complained", "recalled",
        "emphasized", "declared", "mused", "speculated", "charged", "countered", "acknowledges", "admits", "feel",
        "feels", "felt", "assured", "reminded", "informed", "signaled", "hinted", "revealed", "learned",
        // Verbs of stance and evaluation: news attributes what they take ("criticized the plan as …") to the subject.
        "asked", "called", "calls", "described", "describes", "endorsed", "endorses", "declined", "criticized",
        "criticizes", "accused", "accuses", "wants", "wanted", "defended", "defends", "urged", "urges", "proposed",
        "proposes", "cited", "cites", "supports", "supported", "praised", "praises", "blamed", "blames", "questioned",
        "rejected", "rejects", "dismissed", "dismisses", "demanded", "demands", "pledged", "pledges", "welcomed",
        "condemned", "slammed", "attacked", "blasted", "touted", "touts", "mentioned", "refused", "denounced",
        "recommended", "opposed", "opposes", "sees", "saw", "considers", "considered", "views", "viewed", "doubts",
        "doubted", "reiterated", "repeated", "joked", "quipped", "boasted", "bragged", "lamented", "explains",
        "characterized", "labeled", "branded", "dubbed", "promises", "vows", "questions",
        "challenged", "disputed", "disputes", "understood", "understands", "realized", "recognized",
        "assumed", "guessed", "imagined", "figured", "wondered", "worries", "fear", "hope", "doubt",
        // Plural present forms ("Critics argue that …", "Polls show …").
        "argue", "claim", "insist", "suggest", "contend", "contends", "acknowledge", "warn", "note", "predict", "admit",
        "show", "know", "want", "agree", "agrees", "estimate", "estimates", "allege", "alleges", "deny", "denies",
        "recall", "recalls", "report", "maintain", "maintains", "stress", "stresses", "concede", "concedes",
        "indicate", "reveal", "reveals", "announce", "announces", "confirm",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IndirectCuesLookup = IndirectCues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Participles that continue a sentence's subject as a second attribution: "…, saying he would veto it".</summary>
    private static readonly FrozenSet<string> GerundCues = new[]
    {
        "saying", "adding", "noting", "arguing", "suggesting", "claiming", "warning", "insisting", "explaining",
        "telling", "asserting", "stressing", "predicting", "acknowledging", "writing", "declaring", "contending",
        "calling", "describing", "accusing", "urging", "criticizing", "citing", "referring", "blaming", "praising",
        "promising", "vowing", "asking", "questioning", "dismissing", "pointing",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GerundCuesLookup = GerundCues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that end a subject looking back from a cue: a clause boundary, not part of who spoke.</summary>
    private static readonly FrozenSet<string> SubjectStops = new[]
    {
        "that", "which", "who", "whom", "and", "but", "or", "because", "while", "when", "if", "as", "than", "so", "what",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectStopsLookup = SubjectStops.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "we", "it" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Determiners = new[] { "the", "a", "an", "this", "that", "one", "another", "his", "her", "their", "its" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminersLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Role nouns, each mapped to a key so "spokesman" and "spokesperson" match.</summary>
    internal static readonly FrozenDictionary<string, string> RoleKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["spokesman"] = "spokes", ["spokeswoman"] = "spokes", ["spokesperson"] = "spokes", ["spokespeople"] = "spokes",
        ["specialist"] = "spokes", ["officer"] = "officer", ["sergeant"] = "sergeant", ["sgt."] = "sergeant",
        ["chief"] = "chief", ["mayor"] = "mayor", ["father"] = "father", ["mother"] = "mother", ["dad"] = "father",
        ["mom"] = "mother", ["attorney"] = "attorney", ["lawyer"] = "attorney", ["judge"] = "judge", ["agent"] = "agent",
        ["partner"] = "partner", ["girlfriend"] = "partner", ["boyfriend"] = "partner", ["wife"] = "partner",
        ["husband"] = "partner", ["congressman"] = "congressman", ["congresswoman"] = "congressman",
        ["senator"] = "senator", ["governor"] = "governor", ["president"] = "president", ["sheriff"] = "sheriff",
        ["director"] = "director", ["representative"] = "representative", ["official"] = "official",
        ["officials"] = "official", ["police"] = "police", ["department"] = "department", ["agency"] = "agency",
        ["witness"] = "witness", ["neighbor"] = "neighbor", ["neighbour"] = "neighbor", ["resident"] = "resident",
        ["letter"] = "letter", ["statement"] = "statement", ["voice"] = "voice", ["son"] = "son", ["daughter"] = "daughter",
        ["captain"] = "captain", ["lieutenant"] = "lieutenant", ["commissioner"] = "commissioner",
        ["councilwoman"] = "council", ["councilman"] = "council", ["advocate"] = "advocate", ["prosecutor"] = "prosecutor",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    internal static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> RoleKeysLookup = RoleKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Pre-tests, so most words skip the lookups: role nouns, and the cues speaker-first speech opens with.</summary>
    private static readonly WordSieve RoleSieve = new(RoleKeys.Keys);
    internal static readonly WordSieve CueSieve = new(CueVerbs);
    private static readonly WordSieve IndirectSieve = new([.. IndirectCues, .. GerundCues, "according"]);
}
