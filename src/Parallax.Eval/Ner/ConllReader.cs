using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Eval.Ner;

/// <summary>
/// Reads the column formats of the other NER corpora: token and tag separated by a tab or space, blank lines between
/// sentences, <c>-DOCSTART-</c> lines and <c>#</c> comments ignored. The tag is the last column, or a named column for
/// UNER's IOB2 (idx, token, tag, …). IOB1 (wikigold: I- opens a span, B- only between two adjacent spans of one type)
/// and IOB2 read the same way: a span opens at B-, at an I- after O, or at an I- of another type.
/// </summary>
public static class ConllReader
{
    /// <summary>CoNLL-03 style types (PER, ORG, LOC, as in wikigold, UNER and BTC); MISC is dropped.</summary>
    public static EntityType? Conll03Type(string type) => type switch
    {
        "PER" or "PERSON" => EntityType.Person,
        "ORG" => EntityType.Org,
        "LOC" or "GPE" => EntityType.Place,
        _ => null,
    };

    /// <summary>re3d types: Person, Organisation, Location; Nationality and the military/measure types are dropped.</summary>
    public static EntityType? Re3dType(string type) => type switch
    {
        "Person" => EntityType.Person,
        "Organisation" => EntityType.Org,
        "Location" => EntityType.Place,
        _ => null,
    };

    /// <summary>WNUT17 types: person → PERSON, location → PLACE, corporation and group (bands, teams, parties, agencies)
    /// → ORG, as CoNLL-03 would tag them; product and creative-work have no PERSON/ORG/PLACE counterpart and are dropped.</summary>
    public static EntityType? Wnut17Type(string type) => type switch
    {
        "person" => EntityType.Person,
        "location" => EntityType.Place,
        "corporation" or "group" => EntityType.Org,
        _ => null,
    };

    /// <summary>A user handle or hashtag ("@paulwalk", "#farms"). BTC tags handles as PER; WNUT17, UNER and news text
    /// do not, and a model trained with them tagged every "@" as a person on WNUT17 test.</summary>
    public static bool IsHandle(string token) => token.Length > 0 && token[0] is '@' or '#';

    /// <summary>Sentences from lines; <paramref name="tagColumn"/> is the tag's 0-based column, or -1 for the last one.</summary>
    /// <param name="untagged">Tokens whose tag is read as O whatever the file says (see <see cref="IsHandle"/>).</param>
    public static IEnumerable<NerExample> Read(IEnumerable<string> lines, Func<string, EntityType?> mapType, int tokenColumn = 0, int tagColumn = -1,
        Func<string, bool>? untagged = null)
    {
        // Documents ("-DOCSTART-" lines, UNER's "# newdoc" comments) become examples sharing one text (NerSentences.Document).
        var document = new List<NerExample>();
        foreach (var (example, opensDocument) in Sentences(lines, mapType, tokenColumn, tagColumn, untagged))
        {
            if (opensDocument && document.Count > 0)
            {
                foreach (var e in NerSentences.Document(document)) yield return e;
                document.Clear();
            }
            document.Add(example);
        }
        foreach (var e in NerSentences.Document(document)) yield return e;
    }

    /// <summary>Each sentence, and whether a document boundary came before it.</summary>
    private static IEnumerable<(NerExample Example, bool OpensDocument)> Sentences(IEnumerable<string> lines, Func<string, EntityType?> mapType,
        int tokenColumn, int tagColumn, Func<string, bool>? untagged)
    {
        bool boundary = false;
        var forms = new List<string>();
        var tags = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (forms.Count > 0) { yield return (Build(forms, tags, mapType), boundary); boundary = false; forms.Clear(); tags.Clear(); }
                continue;
            }
            if (line[0] == '#' && tagColumn >= 0) // UNER comments; in WNUT "#" can be a token
            {
                boundary |= line.StartsWith("# newdoc", StringComparison.Ordinal);
                continue;
            }
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { boundary = true; continue; }
            var cols = line.Split(line.Contains('\t') ? '\t' : ' ');
            if (cols.Length < 2) continue;
            forms.Add(cols[tokenColumn]);
            tags.Add(untagged is not null && untagged(cols[tokenColumn]) ? "O" : tagColumn < 0 ? cols[^1] : cols[tagColumn]);
        }
        if (forms.Count > 0) yield return (Build(forms, tags, mapType), boundary);
    }

    private static NerExample Build(List<string> forms, List<string> tags, Func<string, EntityType?> mapType)
    {
        var spans = new List<(int, int, EntityType)>();
        int start = -1;
        EntityType type = default;
        for (int i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length > 2 && tag[1] == '-' ? tag[0] : 'O';
            EntityType? t = prefix == 'O' ? null : mapType(tag[2..]);
            bool continues = prefix == 'I' && start >= 0 && t == type;
            if (continues) continue;
            if (start >= 0) spans.Add((start, i, type));
            start = -1;
            if (t is not null) { start = i; type = t.Value; }
        }
        return NerSentences.Build(forms.ToList(), NerSentences.Labels(forms.Count, spans));
    }
}
