using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Stories.Entities;

/// <summary>
/// Links definite role descriptions ("the father", "the police chief", "the spokesperson") to the named person of the
/// same document they refer to, and only when the text itself establishes that the person holds the role:
/// <list type="bullet">
/// <item>a title or role on the name ("ICE spokesman Shawn Neudauer", "KCPD Chief Richard Smith");</item>
/// <item>an apposition or predicate ("Tom Reyes, the father of two," / "Reyes is a father" / "Hoyt, his partner,");</item>
/// <item>possessed kin: "X's children" or "his children" (the pronoun resolved to the only person named earlier in the
/// sentence) make X a parent, "X's partner" a partner; "X's partner, Cheyenne Hoyt" makes Hoyt the partner. "X's father"
/// names somebody else, so it gives X no role.</item>
/// </list>
/// Each "the &lt;role&gt;" goes to the most recent holder of that role before it. Nothing is linked when that holder is
/// unnamed ("a spokesperson … the spokesperson": a new person was introduced), when two different named people
/// hold the role (ambiguity is not guessed), or when a gendered description ("the mother") meets a holder of the other
/// or of no known gender. Indefinite descriptions ("a father") are never linked. Pure and linear in tokens.
/// </summary>
public static class RoleDescriptions
{
    /// <summary>A description and the person it refers to (the caller's key for the person, see <see cref="Find"/>).</summary>
    public readonly record struct Link(TextSpan Span, int Person);

    private enum Gender : byte { Unknown, Male, Female }

    private readonly record struct Role(string Name, Gender Gender);

    /// <summary>Role nouns a description can be headed by, with the role they establish. Variants of one role
    /// ("spokesman", "spokesperson") share the role and differ in gender, so "the spokesperson" may refer to a
    /// spokesman but "the spokeswoman" may not.</summary>
    private static readonly FrozenDictionary<string, Role> Roles = new Dictionary<string, Role>
    {
        ["father"] = new("parent", Gender.Male), ["dad"] = new("parent", Gender.Male),
        ["mother"] = new("parent", Gender.Female), ["mom"] = new("parent", Gender.Female), ["mum"] = new("parent", Gender.Female),
        ["parent"] = new("parent", Gender.Unknown),
        ["partner"] = new("partner", Gender.Unknown), ["girlfriend"] = new("partner", Gender.Female),
        ["boyfriend"] = new("partner", Gender.Male), ["wife"] = new("partner", Gender.Female), ["husband"] = new("partner", Gender.Male),
        ["fiancé"] = new("partner", Gender.Male), ["fiancée"] = new("partner", Gender.Female), ["fiance"] = new("partner", Gender.Male),
        ["fiancee"] = new("partner", Gender.Female),
        ["spokesman"] = new("spokesperson", Gender.Male), ["spokeswoman"] = new("spokesperson", Gender.Female),
        ["spokesperson"] = new("spokesperson", Gender.Unknown),
        ["officer"] = new("officer", Gender.Unknown), ["sergeant"] = new("sergeant", Gender.Unknown), ["sgt."] = new("sergeant", Gender.Unknown),
        ["chief"] = new("chief", Gender.Unknown), ["mayor"] = new("mayor", Gender.Unknown), ["sheriff"] = new("sheriff", Gender.Unknown),
        ["detective"] = new("detective", Gender.Unknown), ["det."] = new("detective", Gender.Unknown),
        ["lieutenant"] = new("lieutenant", Gender.Unknown), ["lt."] = new("lieutenant", Gender.Unknown),
        ["captain"] = new("captain", Gender.Unknown), ["capt."] = new("captain", Gender.Unknown),
        ["judge"] = new("judge", Gender.Unknown), ["governor"] = new("governor", Gender.Unknown), ["gov."] = new("governor", Gender.Unknown),
        ["senator"] = new("senator", Gender.Unknown), ["sen."] = new("senator", Gender.Unknown),
        ["congressman"] = new("congress member", Gender.Male), ["congresswoman"] = new("congress member", Gender.Female),
        ["president"] = new("president", Gender.Unknown), ["commissioner"] = new("commissioner", Gender.Unknown),
        ["attorney"] = new("lawyer", Gender.Unknown), ["lawyer"] = new("lawyer", Gender.Unknown),
        ["agent"] = new("agent", Gender.Unknown), ["coach"] = new("coach", Gender.Unknown), ["pastor"] = new("pastor", Gender.Unknown),
        ["director"] = new("director", Gender.Unknown), ["superintendent"] = new("superintendent", Gender.Unknown),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that are only ever possessed here: their possessor is a parent ("his two young children").</summary>
    private static readonly FrozenSet<string> Offspring = new[]
    {
        "child", "children", "kid", "kids", "son", "sons", "daughter", "daughters", "baby", "babies", "infant",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a role noun that make it a modifier of another head ("the chief executive").</summary>
    private static readonly FrozenSet<string> CompoundHeads = new[]
    {
        "executive", "financial", "operating", "technology", "justice", "minister", "inspector", "economist", "figure",
        "ship", "tongue", "land", "company", "board", "nature", "general",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a noun phrase's modifiers when walking left from its head.</summary>
    private static readonly FrozenSet<string> Stops = new[]
    {
        "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with", "from", "that", "which", "who", "whom",
        "this", "these", "those", "its", "our", "my", "your", "is", "was", "are", "were", "be", "been", "said", "says",
        "as", "than", "while", "when", "if", "not", "no", "he", "she", "it", "they", "we", "i", "you", "him", "them",
        "us", "me", "about", "after", "before", "into", "over", "under", "up", "down", "out", "then",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that continue an apposition after its role noun into a complement.</summary>
    private static readonly FrozenSet<string> Complements = new[] { "of", "for", "with", "at", "from", "in", "to", "on", "and", "who" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Copulas = new[] { "is", "was", "are", "were", "becomes", "became", "remains" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private enum Determiner : byte { None, Definite, Indefinite, Pronoun, Possessor }

    /// <summary>What stands before a role noun: its determiner, the possessor it names (a person key, or -1), the
    /// pronoun's gender, and the first token of the noun phrase.</summary>
    private readonly record struct Head(Determiner Kind, int Possessor, Gender PronounGender, int First);

    /// <summary>Someone who holds a role from a position on: a named person (key ≥ 0) or one a description introduced
    /// without a name (-1).</summary>
    private readonly record struct Holder(int Position, int Person, string Role, Gender Gender);

    /// <summary>Finds the role descriptions of <paramref name="doc"/> the text lets one link to a named person.</summary>
    /// <param name="doc">A document with tokens, sentences and entity mentions.</param>
    /// <param name="personOf">For each of <c>doc.Entities</c>, the caller's key of the person it names (mentions of one
    /// person share a key), or -1 for a mention that is not a person.</param>
    public static List<Link> Find(Document doc, IReadOnlyList<int> personOf)
    {
        var links = new List<Link>();
        if (doc.Tokens.IsDefaultOrEmpty || doc.Entities.IsDefaultOrEmpty) return links;
        var text = doc.Text;
        var tokens = doc.Tokens;

        // Person mentions by token: which person a token's mention names, and where each mention starts and ends.
        var inMention = new int[tokens.Length];     // -2 outside any mention, -1 another kind, else the person
        var startsPerson = new int[tokens.Length];  // person whose mention starts here, else -1
        var endsPerson = new int[tokens.Length];    // person whose mention ends here, else -1
        var mentionFirst = new int[tokens.Length];  // first token of the mention ending here
        var mentionLast = new int[tokens.Length];   // last token of the mention starting here
        Array.Fill(inMention, -2);
        Array.Fill(startsPerson, -1);
        Array.Fill(endsPerson, -1);
        var holders = new List<Holder>();
        var genders = new Dictionary<int, Gender>();
        var conflicted = new HashSet<int>();
        void Gendered(int person, Gender g)
        {
            if (g == Gender.Unknown) return;
            // Conflicting evidence (a misresolved pronoun) leaves the gender unknown for good.
            if (genders.TryGetValue(person, out var had) && had != g) conflicted.Add(person);
            genders[person] = g;
        }
        void Holds(int position, int person, Role role)
        {
            holders.Add(new Holder(position, person, role.Name, role.Gender));
            if (person >= 0) Gendered(person, role.Gender);
        }

        for (int m = 0; m < doc.Entities.Length && m < personOf.Count; m++)
        {
            var mention = doc.Entities[m];
            int a = doc.TokenAtOrAfter(mention.Start), b = a;
            if (a >= tokens.Length) continue;
            while (b + 1 < tokens.Length && tokens[b + 1].End <= mention.End) b++;
            int person = personOf[m];
            for (int k = a; k <= b; k++) inMention[k] = person;
            if (person < 0) continue;
            startsPerson[a] = person;
            endsPerson[b] = person;
            mentionFirst[b] = a;
            mentionLast[a] = b;
            // "KCPD Chief Richard Smith", "ICE spokesman Shawn Neudauer", "Mr. Reyes": the title's last role word.
            if (mention.Title is { } title)
            {
                Role? found = null;
                foreach (var w in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Roles.TryGetValue(w, out var r)) found = r;
                    if (w is "Mr.") Gendered(person, Gender.Male);
                    if (w is "Mrs." or "Ms." or "Miss") Gendered(person, Gender.Female);
                }
                if (found is { } role) Holds(mention.Start, person, role);
            }
        }

        var descriptions = new List<(TextSpan Span, Role Role)>();
        var heads = new Dictionary<int, Head>(); // role or offspring noun token → its head, for coordination
        var roleLookup = Roles.GetAlternateLookup<ReadOnlySpan<char>>();
        var offspringLookup = Offspring.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var sentence in doc.Sentences)
        {
            // The one person named so far in the sentence (-1 none, -3 several): what "his" or "her" refers to. Kept as
            // the scan goes, so a sentence without end (a 10 MB line) is not rescanned per pronoun.
            int onlyPerson = -1;
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = tokens[t];
                if (t > sentence.FirstToken && endsPerson[t - 1] >= 0)
                    onlyPerson = onlyPerson == -1 || onlyPerson == endsPerson[t - 1] ? endsPerson[t - 1] : -3;
                if (token.Kind != TokenKind.Word || inMention[t] != -2) continue;
                // Looked up as spans: most words are neither, and a string per word token would be the step's main cost.
                var word = text.AsSpan(token.Start, token.Length);
                bool offspring = offspringLookup.Contains(word);
                if (!roleLookup.TryGetValue(word, out var role) && !offspring) continue;
                var head = HeadOf(doc, t, sentence, inMention, endsPerson, mentionFirst, heads);
                heads[t] = head;
                int possessor = head.Kind switch
                {
                    Determiner.Possessor => head.Possessor,
                    // "their" is usually plural, so only "his" and "her" are resolved.
                    Determiner.Pronoun when head.PronounGender != Gender.Unknown => Math.Max(onlyPerson, -1),
                    _ => -1,
                };
                if (head.Kind == Determiner.Pronoun && possessor >= 0) Gendered(possessor, head.PronounGender);

                if (offspring)
                {
                    // "his two young children", "Millan-Vazquez's children": the possessor is a parent.
                    if (possessor >= 0) Holds(token.Start, possessor, new Role("parent", Gender.Unknown));
                    continue;
                }
                // A capitalised role outside a definite phrase is a title the recogniser handles ("Chief Smith").
                if (char.IsUpper(word[0]) && head.Kind != Determiner.Definite) continue;

                int next = t + 1 < sentence.EndToken ? t + 1 : -1;
                bool comma = next >= 0 && text[tokens[next].Start] == ',';
                // The name right after the role ("spokesman Shawn Neudauer"), or a name in apposition after a comma and
                // closed by punctuation ("the father, Tom Reyes, said"; not "Asked about the officer, Smith said").
                int named = next < 0 ? -1 : startsPerson[next] >= 0 ? startsPerson[next]
                    : comma && next + 1 < sentence.EndToken && startsPerson[next + 1] is >= 0 and var after
                      && (mentionLast[next + 1] + 1 >= sentence.EndToken || tokens[mentionLast[next + 1] + 1].Kind == TokenKind.Punctuation) ? after
                    : -1;
                int described = Described(doc, head.First, t, sentence, endsPerson);

                if (head.Kind is Determiner.Pronoun or Determiner.Possessor)
                {
                    // "X's partner" / "his wife": the relation is symmetric, so X is a partner too. "X's father" is
                    // somebody else and gives X no role.
                    if (role.Name == "partner" && possessor >= 0) Holds(token.Start, possessor, new Role("partner", Gender.Unknown));
                    // "Millan-Vazquez's partner, Cheyenne Hoyt" / "Hoyt, Millan-Vazquez's partner,".
                    if (named >= 0 && named != possessor) Holds(token.Start, named, role);
                    if (described >= 0 && described != possessor) Holds(token.Start, described, role);
                    continue;
                }
                if (named >= 0)
                {
                    // "spokesman Shawn Neudauer"; "the father, Tom Reyes," also refers to him directly.
                    Holds(token.Start, named, role);
                    if (head.Kind == Determiner.Definite && comma) links.Add(new Link(Span(tokens, head.First, t), named));
                    continue;
                }
                if (described >= 0)
                {
                    Holds(token.Start, described, role); // "Reyes, the father of two," / "Reyes is a father"
                    continue;
                }
                if (head.Kind == Determiner.Indefinite)
                {
                    Holds(token.Start, -1, role); // "a spokesperson": somebody new, unnamed
                    continue;
                }
                if (head.Kind != Determiner.Definite) continue;
                // "the father of the victim" names its own relation; "the chief executive" is another head.
                if (next >= 0 && tokens[next].Kind == TokenKind.Word && char.IsLower(text[tokens[next].Start])
                    && (text.AsSpan(tokens[next].Start, tokens[next].Length) is "of" || CompoundHeads.Contains(text.Substring(tokens[next].Start, tokens[next].Length))))
                    continue;
                descriptions.Add((Span(tokens, head.First, t), role));
            }
        }

        foreach (var p in conflicted) genders[p] = Gender.Unknown;
        Resolve(descriptions, holders, genders, links);
        links.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return links;
    }

    /// <summary>Resolves every description to the named holder it refers to, in one sweep in text order (so a long
    /// document with many descriptions stays linear): per role and description gender, the latest holder so far and
    /// whether two named people have held it. Nothing is linked when the latest holder is unnamed, two named people
    /// hold the role, or no holder fits the description's gender.</summary>
    private static void Resolve(List<(TextSpan Span, Role Role)> descriptions, List<Holder> holders, Dictionary<int, Gender> genders, List<Link> links)
    {
        holders.Sort((x, y) => x.Position.CompareTo(y.Position));
        var state = new Dictionary<(string Role, Gender Gender), (int Latest, int Named, bool Ambiguous)>();
        ReadOnlySpan<Gender> all = [Gender.Unknown, Gender.Male, Gender.Female];
        int h = 0;
        foreach (var (span, role) in descriptions)
        {
            for (; h < holders.Count && holders[h].Position < span.Start; h++)
            {
                var holder = holders[h];
                var g = holder.Person >= 0 ? genders.GetValueOrDefault(holder.Person) : holder.Gender;
                foreach (var wanted in all)
                {
                    // A gendered description needs a holder known to match ("the mother" is not a parent of unknown
                    // gender); an unnamed holder of unknown gender may be anyone, so it still stands between.
                    if (wanted != Gender.Unknown && g != wanted && !(holder.Person < 0 && g == Gender.Unknown)) continue;
                    var key = (holder.Role, wanted);
                    var st = state.TryGetValue(key, out var had) ? had : (Latest: -1, Named: -1, Ambiguous: false);
                    st.Latest = holder.Person;
                    if (holder.Person >= 0)
                    {
                        if (st.Named >= 0 && st.Named != holder.Person) st.Ambiguous = true;
                        st.Named = holder.Person;
                    }
                    state[key] = st;
                }
            }
            if (state.TryGetValue((role.Name, role.Gender), out var found) && found.Latest >= 0 && !found.Ambiguous)
                links.Add(new Link(span, found.Latest));
        }
    }

    /// <summary>Walks left from a role noun over at most four modifiers ("the Kansas City Police Chief") to its
    /// determiner: "the", "a"/"an", "his"/"her"/"their", or a named possessor ("Millan-Vazquez's"). A noun
    /// coordinated with an earlier one shares its determiner ("his partner and children").</summary>
    private static Head HeadOf(Document doc, int t, Sentence s, int[] inMention, int[] endsPerson, int[] mentionFirst, Dictionary<int, Head> heads)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        int modifiers = 0;
        for (int j = t - 1; j >= s.FirstToken; j--)
        {
            var tok = tokens[j];
            var w = text.AsSpan(tok.Start, tok.Length);
            if (w is "'s" or "\u2019s" or "'S" or "\u2019S")
            {
                int owner = j - 1 >= s.FirstToken ? endsPerson[j - 1] : -1;
                int first = owner >= 0 ? mentionFirst[j - 1] : j;
                return new Head(Determiner.Possessor, owner, Gender.Unknown, first);
            }
            if (tok.Kind is not (TokenKind.Word or TokenKind.Number)) break;
            if (inMention[j] >= 0) break; // a person's name is no modifier
            var lower = w.ToString().ToLowerInvariant();
            switch (lower)
            {
                case "the": return new Head(Determiner.Definite, -1, Gender.Unknown, j);
                case "a" or "an": return new Head(Determiner.Indefinite, -1, Gender.Unknown, j);
                case "his": return new Head(Determiner.Pronoun, -1, Gender.Male, j);
                case "her": return new Head(Determiner.Pronoun, -1, Gender.Female, j);
                case "their": return new Head(Determiner.Pronoun, -1, Gender.Unknown, j);
            }
            if (lower == "and" && modifiers == 0 && j - 1 >= s.FirstToken && heads.TryGetValue(j - 1, out var shared)
                && shared.Kind is Determiner.Pronoun or Determiner.Possessor)
                return shared;
            if (Stops.Contains(lower) || Roles.ContainsKey(lower) && inMention[j] == -2 || ++modifiers > 4) break;
        }
        return new Head(Determiner.None, -1, Gender.Unknown, t);
    }

    /// <summary>The person a noun phrase from <paramref name="first"/> to its head <paramref name="head"/> is said of:
    /// an apposition ("Reyes, the father of two,") or a predicate ("Reyes is the father", "Reyes, who is a father").
    /// -1 when none.</summary>
    private static int Described(Document doc, int first, int head, Sentence s, int[] endsPerson)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        int k = first - 1;
        string Word(int i) => text.Substring(tokens[i].Start, tokens[i].Length);
        // An age between commas stands between a name and what is said of it: "Marta Ilves, 37, is the mother".
        int PastAge(int i) => i - 2 >= s.FirstToken && tokens[i].Kind == TokenKind.Number && Word(i - 1) == "," ? i - 2 : i;
        if (k < s.FirstToken) return -1;
        // An apposition is closed by punctuation or continues into its complement ("the father of two", "a spokesman
        // for ICE", "partner arrested by ICE"); "…Millan-Vazquez, the police chief does praise" is a new clause.
        if (Word(k) == ",")
            return k - 1 >= s.FirstToken && AppositionGoesOn(head + 1) ? endsPerson[PastAge(k - 1)] : -1;
        if (!Copulas.Contains(Word(k))) return -1;
        k--;
        if (k >= s.FirstToken && Word(k).Equals("who", StringComparison.OrdinalIgnoreCase)) k--;
        if (k >= s.FirstToken && Word(k) == ",") k = PastAge(k - 1);
        return k >= s.FirstToken ? endsPerson[k] : -1;

        bool AppositionGoesOn(int next)
        {
            if (next >= s.EndToken || tokens[next].Kind == TokenKind.Punctuation) return true;
            var w = Word(next);
            return Complements.Contains(w) || w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0]);
        }
    }

    private static TextSpan Span(IReadOnlyList<Token> tokens, int first, int last) => new(tokens[first].Start, tokens[last].End);
}
