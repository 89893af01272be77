using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Analysis.Entities;
using Parallax.Model;

namespace Parallax.Stories.Entities;

/// <summary>
/// Links the named mentions of a story's documents to entities. First within each document (a surname, a first name, a
/// nickname or an acronym refers back to the full name the document introduced), then across documents (the same name
/// in any case or spelling of its head, a surname one spelling apart with a compatible first name, an acronym and its
/// expansion, a short form of an organisation, another name of one country or state). People who share only a surname, or
/// only a first name, stay apart. Between the two steps a multi-word name left untyped takes the one type the story gives
/// it, and a bare "Washington" is filed under the state when no report shows the capital. Deterministic (documents and mentions are visited in order), pure, and close to linear:
/// across documents a cluster is compared only with clusters that share a blocking key. Role descriptions the text ties
/// to a person ("the father", see <see cref="RoleDescriptions"/>) are added to that person's mentions and aliases after
/// linking within a document; they never name, type or merge an entity.
/// </summary>
public sealed class EntityMerger
{
    /// <summary>Words that complete a short organisation or facility name without changing what it names:
    /// "Promises" / "Promises Treatment Center", "Microsoft" / "Microsoft Corp.".</summary>
    private static readonly FrozenSet<string> Designators = new[]
    {
        "Center", "Centre", "Centers", "Clinic", "Treatment", "Recovery", "Rehab", "Rehabilitation", "Unit", "Arena",
        "Stadium", "Corp.", "Corp", "Inc.", "Inc", "Co.", "Co", "Ltd.", "Ltd", "LLC", "plc", "Company", "Corporation", "Group",
        "Department", "Dept.", "Hospital", "Prison", "Jail", "Hotel", "Club", "Facility", "University", "College",
        "Theatre", "Theater", "Museum", "Airport", "Foods", "Airlines", "Airways", "Sea", "Ocean", "Island", "Islands",
        "River", "Lake", "Bay", "Gulf",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A group of mentions believed to name one entity, while merging.</summary>
    private sealed class Cluster
    {
        public EntityType Type;
        public readonly List<(string Doc, EntityMention Mention, string Name)> Mentions = [];
        /// <summary>Role descriptions linked to the person ("the father"): shown as its mentions and aliases, but never
        /// used to name, type or merge it, so a description cannot join two people.</summary>
        public readonly List<(string Doc, TextSpan Span, string Text)> Descriptions = [];
        public readonly HashSet<string> FirstNames = new(StringComparer.OrdinalIgnoreCase);
        public readonly HashSet<string> LastNames = new(StringComparer.OrdinalIgnoreCase);
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
        /// <summary><see cref="NameForms.Key"/> of every name: what equality of names means.</summary>
        public readonly HashSet<string> Keys = new(StringComparer.Ordinal);
        /// <summary>Keys of acronyms the entity was written as.</summary>
        public readonly HashSet<string> Acronyms = new(StringComparer.Ordinal);
        /// <summary>Keys of the acronyms its multi-word organisation names could be shortened to.</summary>
        public readonly HashSet<string> Initials = new(StringComparer.Ordinal);
        public readonly HashSet<int> Countries = [];
        /// <summary>One-word organisation names written with a capital "The" ("The Hill"): named with it.</summary>
        public readonly HashSet<string> TheNames = new(StringComparer.Ordinal);
        public bool HasFullName => LastNames.Count > 0 && FirstNames.Count > 0;
        public bool Typed; // at least one mention carried type evidence (not Other)
        public int Order;  // first appearance, for deterministic output
        public bool IsPerson => Type is EntityType.Person or EntityType.Other;
    }

    /// <summary>Entities of a story and, for each mention, the entity it was linked to.</summary>
    /// <param name="Comparisons">How many candidate clusters were examined while linking: the merger's work, which grows
    /// about linearly with mentions (tests assert on it rather than on a clock).</param>
    public sealed record Result(ImmutableArray<StoryEntity> Entities, IReadOnlyDictionary<(string Doc, int Start), string> EntityOf, long Comparisons = 0);

    /// <summary>Country keys are list positions (a few hundred); states are filed above them.</summary>
    private const int StateKeyBase = 100_000;

    private readonly PlaceNames _places;
    private readonly EntityLexicon _lexicon;

    /// <summary>A merger with the embedded country names and entity lexicon.</summary>
    public EntityMerger() : this(PlaceNames.Default, EntityLexicon.Default) { }

    /// <summary>A merger with the given gazetteers (shared read-only).</summary>
    public EntityMerger(PlaceNames places, EntityLexicon lexicon)
    {
        _places = places;
        _lexicon = lexicon;
    }

    /// <param name="idFor">Gives the report-wide id for an entity key, so one entity keeps its id across stories.</param>
    public Result Merge(IReadOnlyList<Document> docs, Func<string, string> idFor)
    {
        var clusters = new List<Cluster>();
        int order = 0;
        long comparisons = 0;
        foreach (var doc in docs)
            foreach (var c in LinkWithinDocument(doc, ref comparisons))
            {
                c.Order = order++;
                clusters.Add(c);
            }
        AdoptStoryTypes(clusters);
        FileAmbiguousStates(docs, clusters);
        clusters = LinkAcrossDocuments(clusters, ref comparisons);

        var entities = new List<StoryEntity>();
        var entityOf = new Dictionary<(string, int), string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in clusters.OrderBy(c => c.Order))
        {
            // An unknown single word nobody linked to a person or organisation is not reported as an entity.
            if (!c.Typed && c.Names.All(n => !n.Contains(' '))) continue;
            var name = CanonicalName(c);
            var id = idFor($"{c.Type}:{name}");
            // Two clusters the merger kept apart can still end with one canonical name (a long story of near-identical
            // reports): the second gets an id of its own, so ids stay unique within the story.
            for (int k = 2; !used.Add(id); k++) id = idFor($"{c.Type}:{name}#{k}");
            var aliases = c.Names.Concat(c.Descriptions.Select(d => d.Text)).Distinct(StringComparer.Ordinal).Where(n => n != name)
                .OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();
            var mentions = c.Mentions.Select(m => new DocSpan(m.Doc, m.Mention.Start, m.Mention.End))
                .Concat(c.Descriptions.Select(d => new DocSpan(d.Doc, d.Span.Start, d.Span.End)))
                .OrderBy(m => m.Doc, StringComparer.Ordinal).ThenBy(m => m.Start).ToImmutableArray();
            entities.Add(new StoryEntity(id, name, c.Type, aliases, mentions));
            foreach (var m in c.Mentions) entityOf[(m.Doc, m.Mention.Start)] = id;
            // A named mention keeps its own link should a description ever start where it does.
            foreach (var d in c.Descriptions) entityOf.TryAdd((d.Doc, d.Span.Start), id);
        }
        return new Result([.. entities], entityOf, comparisons);
    }

    /// <summary>The clusters of one document with a blocking index, so a mention is compared only with clusters that
    /// share a key with it (a name, a surname's first letters, a first name's first letters, a word of an organisation
    /// name, an acronym, a country) and linking a document stays linear in its mentions.</summary>
    private sealed class DocumentClusters
    {
        public readonly List<Cluster> All = [];
        /// <summary>Candidates returned so far (the work done).</summary>
        public long Examined;
        private readonly Dictionary<Cluster, int> _position = [];
        private readonly Dictionary<Cluster, HashSet<string>> _filed = [];
        private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);

        public Cluster New(EntityType type)
        {
            var c = new Cluster { Type = type };
            _position[c] = All.Count;
            _filed[c] = new HashSet<string>(StringComparer.Ordinal);
            All.Add(c);
            return c;
        }

        /// <summary>Files a cluster under the keys it has gained since it was last filed.</summary>
        public void File(Cluster c)
        {
            var filed = _filed[c];
            foreach (var key in KeysOf(c, indexing: true))
                if (filed.Add(key))
                {
                    if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                    list.Add(_position[c]);
                }
        }

        /// <summary>Clusters sharing a key with <paramref name="probe"/>, most recent first.</summary>
        public IEnumerable<Cluster> Candidates(Cluster probe)
        {
            var found = new SortedSet<int>();
            foreach (var key in KeysOf(probe, indexing: false))
                if (_byKey.TryGetValue(key, out var list)) found.UnionWith(list);
            Examined += found.Count;
            return found.Reverse().Select(i => All[i]);
        }

        private static IEnumerable<string> KeysOf(Cluster c, bool indexing)
        {
            foreach (var k in BlockingKeys(c, indexing)) yield return k;
            if (!c.IsPerson) yield break;
            // First-name prefixes, so "Flo" finds "Florencio".
            if (indexing && c.HasFullName) foreach (var f in c.FirstNames) yield return "p:" + Skeleton(f.ToLowerInvariant());
            if (!indexing && !c.HasFullName) foreach (var l in c.LastNames) yield return "p:" + Skeleton(l.ToLowerInvariant());
        }
    }

    private List<Cluster> LinkWithinDocument(Document doc, ref long comparisons)
    {
        var clusters = new DocumentClusters();
        var clusterAt = new Dictionary<int, Cluster>(); // mention start → its cluster, for "Name (ACRONYM)"
        var pending = new List<(EntityMention Mention, string Name, string? Nickname)>();
        var text = doc.Text;
        for (int i = 0; i < doc.Entities.Length; i++)
        {
            var m = doc.Entities[i];
            var surface = doc.Slice(m.Span);
            var name = NameForms.CoreName(surface, m.Type);
            if (name.Length == 0) continue;
            var nickname = m.Type is EntityType.Person or EntityType.Other ? NameForms.Nickname(surface) : null;

            // "Harbor Transit Authority (HTA)": the acronym right after an organisation names it.
            if (i > 0 && NameForms.IsAcronym(name) && doc.Entities[i - 1] is var prev && prev.Type == EntityType.Org
                && text.AsSpan(prev.End, m.Start - prev.End).Trim().SequenceEqual("(") && clusterAt.TryGetValue(prev.Start, out var owner))
            {
                Add(owner, doc.Id, m, name, null);
                owner.Acronyms.Add(NameForms.Key(name));
                clusters.File(owner);
                clusterAt[m.Start] = owner;
                continue;
            }

            var target = m.Type switch
            {
                EntityType.Person or EntityType.Other => FindPerson(clusters, name, nickname),
                _ => FindNamed(clusters, name, m.Type),
            };
            if (target is null && m.Type == EntityType.Other && !name.Contains(' '))
            {
                pending.Add((m, name, nickname)); // a lone word may be a surname introduced later in the document
                continue;
            }
            target ??= clusters.New(m.Type);
            Add(target, doc.Id, m, name, nickname);
            if (m.Type == EntityType.Org && !name.Contains(' ') && surface.StartsWith("The ", StringComparison.Ordinal)) target.TheNames.Add(name);
            clusters.File(target);
            clusterAt[m.Start] = target;
        }
        foreach (var (m, name, nickname) in pending)
        {
            var target = FindPerson(clusters, name, nickname) ?? clusters.New(EntityType.Other);
            Add(target, doc.Id, m, name, nickname);
            clusters.File(target);
        }
        comparisons += clusters.Examined;
        LinkDescriptions(doc, clusters.All);
        return DropBareHeads(clusters.All);
    }

    /// <summary>
    /// A body called only by its generic head ("the Department's priority", "the University") in a document that names
    /// an organisation with that head ("Kansas City, Missouri Police Department", "Department of Homeland Security")
    /// refers back to one of them, and which one the words do not say. Shown as an entity of its own it would list the
    /// body twice under a vague name, so it is not reported; with no such name in the document ("the House" in a
    /// report that never writes the chamber's full name) it stays.
    /// </summary>
    private static List<Cluster> DropBareHeads(List<Cluster> clusters)
    {
        HashSet<string>? heads = null;
        foreach (var c in clusters)
            if (c.Type == EntityType.Org)
                foreach (var n in c.Names)
                {
                    if (!n.Contains(' ')) continue;
                    foreach (var w in n.Split(' '))
                        if (EntityLexicon.OrgHeads.Contains(w)) (heads ??= new(StringComparer.Ordinal)).Add(w);
                }
        if (heads is null) return clusters;
        return clusters.FindAll(c => !(c.Type == EntityType.Org && c.Names.Count > 0
            && c.Names.All(n => heads.Contains(n) && !EntityLexicon.KnownOrgs.Contains(n))));
    }

    /// <summary>Attaches the document's role descriptions ("the father") to the people they refer to. Runs on the
    /// document's own clusters because the text establishing a role speaks of the people of that document.</summary>
    private static void LinkDescriptions(Document doc, List<Cluster> clusters)
    {
        var personAt = new Dictionary<int, int>();
        for (int k = 0; k < clusters.Count; k++)
            if (clusters[k].Type == EntityType.Person)
                foreach (var m in clusters[k].Mentions) personAt[m.Mention.Start] = k;
        if (personAt.Count == 0) return;
        var personOf = new int[doc.Entities.Length];
        for (int i = 0; i < personOf.Length; i++)
            personOf[i] = personAt.TryGetValue(doc.Entities[i].Start, out var k) ? k : -1;
        foreach (var link in RoleDescriptions.Find(doc, personOf))
        {
            var text = doc.Slice(link.Span);
            // "The father" opening a sentence is the alias "the father".
            if (text.StartsWith("The ", StringComparison.Ordinal)) text = "the" + text[3..];
            clusters[link.Person].Descriptions.Add((doc.Id, link.Span, text));
        }
    }

    /// <summary>A person mention joins the most recent cluster it can name: the same full name; a surname alone; a
    /// first name that is the first name, a nickname or a prefix of exactly one person's ("Flo", "Kathina"); a full name
    /// whose surname is one spelling apart with a compatible first name.</summary>
    private Cluster? FindPerson(DocumentClusters clusters, string name, string? nickname)
    {
        var parts = NameForms.PersonParts(name);
        if (parts.Length == 0) return null;
        var key = NameForms.Key(name);
        var probe = new Cluster { Type = EntityType.Person };
        AddNames(probe, name, nickname);
        var candidates = clusters.Candidates(probe).ToList();
        foreach (var c in candidates)
        {
            if (!c.IsPerson) continue;
            if (c.Keys.Contains(key)) return c;
            if (parts.Length == 1)
            {
                if (c.LastNames.Contains(parts[0])) return c;
            }
            else if (c.HasFullName && c.LastNames.Any(l => NameForms.SurnamesMatch(l, parts[^1]))
                     && (c.FirstNames.Any(f => NameForms.FirstNamesCompatible(f, parts[0]))
                         || nickname is not null && c.FirstNames.Contains(nickname)))
                return c;
            else if (!c.HasFullName && c.LastNames.Contains(parts[^1]))
                return c; // "Neudauer" seen first, "Shawn Neudauer" later
        }
        if (parts.Length == 1 && parts[0].Length >= 3)
        {
            // Person or not-yet-typed: a full name the document gave no person evidence for may still carry a nickname.
            var byFirst = candidates.Where(c => c.IsPerson && c.HasFullName && c.FirstNames.Any(f => f.Length >= parts[0].Length
                && f.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))).Take(2).ToList();
            if (byFirst.Count == 1) return byFirst[0];
        }
        return null;
    }

    /// <summary>An organisation or place mention joins the earliest cluster it names: the same name (any case), an
    /// acronym of it or its expansion, a short form ("Promises" / "Promises Treatment Center"), another name of the same
    /// country.</summary>
    private Cluster? FindNamed(DocumentClusters clusters, string name, EntityType type)
    {
        var probe = new Cluster { Type = type };
        AddNames(probe, name, null);
        return clusters.Candidates(probe).Reverse().FirstOrDefault(c => !c.IsPerson && SameNamed(probe, c));
    }

    private void Add(Cluster c, string doc, EntityMention m, string name, string? nickname)
    {
        c.Mentions.Add((doc, m, name));
        if (m.Type != EntityType.Other)
        {
            // A typed mention settles the cluster's type; a person beats an unknown.
            if (!c.Typed || c.Type == EntityType.Other) c.Type = m.Type;
            c.Typed = true;
        }
        AddNames(c, name, nickname);
    }

    private void AddNames(Cluster c, string name, string? nickname)
    {
        c.Names.Add(name);
        c.Keys.Add(NameForms.Key(name));
        if (c.IsPerson)
        {
            var parts = NameForms.PersonParts(name);
            if (parts.Length >= 2)
            {
                // Every given name, so "Diane Crawford Smith" meets "Sharron Diane Crawford Smith".
                for (int i = 0; i < parts.Length - 1; i++) c.FirstNames.Add(parts[i]);
                c.LastNames.Add(parts[^1]);
                if (nickname is not null && !nickname.Contains(' ')) c.FirstNames.Add(nickname);
            }
            else if (parts.Length == 1) c.LastNames.Add(parts[0]);
            return;
        }
        if (NameForms.IsAcronym(name)) c.Acronyms.Add(NameForms.Key(name));
        else if (c.Type == EntityType.Org && name.Contains(' '))
            foreach (var v in NameForms.InitialsVariants(name)) c.Initials.Add(NameForms.Key(v));
        if (_places.CountryOf(name) is >= 0 and var country) c.Countries.Add(country);
        // US states share the country key space above every country: "MO", "Mo." and "Missouri" are one place.
        if (c.Type == EntityType.Place && RegionNames.StateOf(name) is >= 0 and var state) c.Countries.Add(StateKeyBase + state);
    }

    /// <summary>
    /// One name, one type in a story: a cluster whose mentions carry no type and whose names all have several words
    /// ("Waterfront Line" in a report the tagger left untyped) takes the type the story's typed clusters give every one
    /// of those names, when they all agree on one type other than person (people already link by name). A name typed
    /// two ways in the story says nothing, and the cluster stays as it was. The adopted type is not evidence
    /// (<see cref="Cluster.Typed"/> stays false), so it cannot be passed on.
    /// </summary>
    private void AdoptStoryTypes(List<Cluster> clusters)
    {
        Dictionary<string, EntityType?>? typeOf = null; // a null type: the story types the name two ways
        foreach (var c in clusters)
            if (c.Typed && c.Type != EntityType.Other)
                foreach (var n in c.Names)
                {
                    if (!n.Contains(' ')) continue;
                    var key = NameForms.Key(n);
                    typeOf ??= new(StringComparer.Ordinal);
                    typeOf[key] = typeOf.TryGetValue(key, out var t) && t != c.Type ? null : c.Type;
                }
        if (typeOf is null) return;
        foreach (var c in clusters)
        {
            if (c.Typed || c.Names.Count == 0) continue;
            EntityType? adopted = null;
            foreach (var n in c.Names)
            {
                if (!n.Contains(' ') || !typeOf.TryGetValue(NameForms.Key(n), out var t) || t is null || adopted is not null && adopted != t)
                {
                    adopted = null;
                    break;
                }
                adopted = t;
            }
            if (adopted is not { } type || type == EntityType.Person) continue;
            c.Type = type;
            c.FirstNames.Clear();
            c.LastNames.Clear();
            foreach (var n in c.Names.ToList()) AddNames(c, n, null);
        }
    }

    /// <summary>A bare "Washington" place is filed under the state too ("Wash.", "WA") when no report of the story
    /// shows the capital (<see cref="RegionNames.SignsTheCapital"/>); with such a sign it stays a place of its own.</summary>
    private static void FileAmbiguousStates(IReadOnlyList<Document> docs, List<Cluster> clusters)
    {
        List<(Cluster Cluster, int State)>? bare = null;
        foreach (var c in clusters)
            if (c.Type == EntityType.Place)
                foreach (var n in c.Names)
                    if (RegionNames.AmbiguousStateOf(n) is >= 0 and var state) (bare ??= []).Add((c, state));
        if (bare is null || docs.Any(d => RegionNames.SignsTheCapital(d.Text))) return;
        foreach (var (c, state) in bare) c.Countries.Add(StateKeyBase + state);
    }

    /// <summary>Merges document clusters across the story with union-find, in document order.</summary>
    private List<Cluster> LinkAcrossDocuments(List<Cluster> clusters, ref long comparisons)
    {
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }

        // Clusters of one type written with exactly the same names are one entity (the rules below would link them
        // anyway); joining them first keeps blocks small when many documents name an entity the same way, so the work
        // grows with the number of distinct spellings, not with the number of documents.
        var representative = new Dictionary<string, int>(StringComparer.Ordinal);
        var isRepresentative = new bool[clusters.Count];
        for (int i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i];
            if (c.IsPerson && !c.Typed && !c.HasFullName) { isRepresentative[i] = true; continue; }
            var signature = $"{(int)c.Type}|{c.Typed}|{string.Join('\u0001', c.Keys.Order(StringComparer.Ordinal))}";
            if (representative.TryGetValue(signature, out var rep)) parent[i] = rep;
            else { representative[signature] = i; isRepresentative[i] = true; }
        }

        // Blocking: each cluster is compared only with clusters sharing a key (a name, a surname's first letters, a
        // first name, an acronym, the first or last word of an organisation or place, a country).
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Index(string key, int i) { if (!byKey.TryGetValue(key, out var l)) byKey[key] = l = []; l.Add(i); }
        for (int i = 0; i < clusters.Count; i++)
            if (isRepresentative[i])
                foreach (var key in BlockingKeys(clusters[i], indexing: true)) Index(key, i);

        for (int i = 0; i < clusters.Count; i++)
        {
            if (!isRepresentative[i]) continue;
            var c = clusters[i];
            var candidates = new SortedSet<int>();
            foreach (var key in BlockingKeys(c, indexing: false))
                if (byKey.TryGetValue(key, out var l)) candidates.UnionWith(l);
            var block = candidates.Select(j => clusters[j]).ToList();
            comparisons += block.Count;
            foreach (var j in candidates)
            {
                if (j == i || Root(i) == Root(j)) continue;
                if (SameEntity(c, clusters[j], block)) parent[Root(j)] = Root(i);
            }
        }

        var merged = new Dictionary<int, Cluster>();
        for (int i = 0; i < clusters.Count; i++)
        {
            int r = Root(i);
            if (!merged.TryGetValue(r, out var target)) { merged[r] = clusters[i]; continue; }
            var c = clusters[i];
            target.Mentions.AddRange(c.Mentions);
            target.Descriptions.AddRange(c.Descriptions);
            target.Names.UnionWith(c.Names);
            target.Keys.UnionWith(c.Keys);
            target.FirstNames.UnionWith(c.FirstNames);
            target.LastNames.UnionWith(c.LastNames);
            target.Acronyms.UnionWith(c.Acronyms);
            target.Initials.UnionWith(c.Initials);
            target.Countries.UnionWith(c.Countries);
            target.TheNames.UnionWith(c.TheNames);
            if (c.Typed && (!target.Typed || target.Type == EntityType.Other)) { target.Type = c.Type; }
            target.Typed |= c.Typed;
            target.Order = Math.Min(target.Order, c.Order);
        }
        return merged.Values.ToList();
    }

    /// <summary>Keys a cluster is filed under (<paramref name="indexing"/>) or looked up by. A bare word is looked up
    /// among first names too, and an organisation's acronym among the initials of others.</summary>
    private static IEnumerable<string> BlockingKeys(Cluster c, bool indexing)
    {
        foreach (var k in c.Keys) yield return "n:" + k;
        if (c.IsPerson)
        {
            foreach (var l in c.LastNames) yield return "l:" + Skeleton(l.ToLowerInvariant());
            if (c.HasFullName && indexing) foreach (var f in c.FirstNames) yield return "f:" + f.ToLowerInvariant();
            if (!c.HasFullName && !indexing) foreach (var l in c.LastNames) yield return "f:" + l.ToLowerInvariant();
            yield break;
        }
        foreach (var a in c.Acronyms) { yield return "a:" + a; if (!indexing) yield return "i:" + a; }
        foreach (var a in c.Initials) { yield return "i:" + a; if (!indexing) yield return "a:" + a; }
        foreach (var k in c.Keys)
        {
            var words = k.Split(' ');
            yield return "w:" + words[0];
            if (words.Length > 1) yield return "w:" + words[^1];
        }
        foreach (var country in c.Countries) yield return "c:" + country;
        foreach (var n in c.Names) if (StationStem(n) is { } stem) yield return "s:" + stem;
    }

    /// <summary>Words a broadcaster's name adds to its call sign ("KCTV5 News", "KSHB 41 News").</summary>
    private static readonly FrozenSet<string> StationWords = new[] { "News", "TV", "Channel", "NewsChannel", "Television", "Radio" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The call sign a station's name is built on: "KCTV5 News", "KCTV 5" and "KCTV" → "KCTV"; "WDAF-TV" →
    /// "WDAF". Null when the name is not a call sign (three or four capitals starting with K or W) with only a channel
    /// number and station words after it.</summary>
    public static string? StationStem(string name)
    {
        var words = name.Split(' ');
        var w = words[0];
        int letters = 0;
        while (letters < w.Length && char.IsAsciiLetterUpper(w[letters])) letters++;
        if (letters is < 3 or > 4 || w[0] is not ('K' or 'W')) return null;
        var rest = w.AsSpan(letters);
        if (rest.StartsWith("-TV") || rest.StartsWith("-DT")) rest = rest[3..];
        foreach (var ch in rest) if (!char.IsAsciiDigit(ch)) return null;
        for (int i = 1; i < words.Length; i++)
            if (!StationWords.Contains(words[i]) && !words[i].All(char.IsAsciiDigit)) return null;
        return w[..letters];
    }

    /// <summary>A blocking key that survives one-letter spelling changes inside long surnames: the first three letters.</summary>
    private static string Skeleton(string lastName) => lastName.Length >= 3 ? lastName[..3] : lastName;

    private bool SameEntity(Cluster a, Cluster b, List<Cluster> block)
    {
        if (a.IsPerson && b.IsPerson)
        {
            if (a.Keys.Overlaps(b.Keys) && (a.HasFullName || b.HasFullName || a.Typed || b.Typed))
                return !(a.HasFullName && b.HasFullName) || FirstNamesMeet(a, b);
            bool lastMatch = a.LastNames.Any(x => b.LastNames.Any(y => NameForms.SurnamesMatch(x, y)));
            if (lastMatch)
            {
                if (a.HasFullName && b.HasFullName) return FirstNamesMeet(a, b);
                // A surname-only cluster joins a full name only when one person in the story carries that surname.
                var bare = a.HasFullName ? b : a;
                return OnePerson(block.Where(c => c.HasFullName && c.LastNames.Any(x => bare.LastNames.Any(y => NameForms.SurnamesMatch(x, y)))));
            }
            // A bare first name ("Kathina") joins the one person of the story with that first name, unless it is also
            // somebody's surname.
            if (a.HasFullName == b.HasFullName) return false;
            var (word, full) = a.HasFullName ? (b, a) : (a, b);
            if (word.LastNames.Count != 1 || word.Type != EntityType.Person && !word.Typed) return false;
            var w = word.LastNames.First();
            if (!full.FirstNames.Contains(w)) return false;
            if (block.Any(c => c.HasFullName && c.LastNames.Contains(w))) return false;
            return OnePerson(block.Where(c => c.HasFullName && c.FirstNames.Contains(w)));
        }
        if (a.IsPerson || b.IsPerson) return false;
        return SameNamed(a, b);
    }

    /// <summary>Whether full-name clusters can all be one person: every one meets the first by first and last name
    /// ("Mark Heller" and "Mark Jay Heller" yes; "Tom Becker" and "Anna Becker" no).</summary>
    private static bool OnePerson(IEnumerable<Cluster> fullNames)
    {
        Cluster? first = null;
        foreach (var c in fullNames)
        {
            if (first is null) { first = c; continue; }
            if (!FirstNamesMeet(first, c) || !first.LastNames.Any(x => c.LastNames.Any(y => NameForms.SurnamesMatch(x, y)))) return false;
        }
        return true;
    }

    /// <summary>Organisations and places: the same name, an acronym of the other's name, a short form, or one
    /// country. An organisation and a place are one entity only by a name that is not a known place ("Promises
    /// Treatment Center" typed as a facility in one report and an organisation in another; never the city "Detroit"
    /// and its team).</summary>
    private bool SameNamed(Cluster a, Cluster b)
    {
        if (a.Type != b.Type && !(a.Names.All(NotAPlace) && b.Names.All(NotAPlace))) return false;
        if (a.Keys.Overlaps(b.Keys)) return true;
        if (a.Countries.Overlaps(b.Countries)) return true;
        if (a.Acronyms.Overlaps(b.Acronyms) || a.Acronyms.Overlaps(b.Initials) || b.Acronyms.Overlaps(a.Initials)) return true;
        bool orgs = a.Type == EntityType.Org && b.Type == EntityType.Org;
        foreach (var x in a.Names)
            foreach (var y in b.Names)
            {
                if (ShortForm(x, y, orgs) || ShortForm(y, x, orgs)) return true;
                if (orgs && (PlaceInserted(x, y) || PlaceInserted(y, x))) return true;
                if (orgs && StationStem(x) is { } sx && sx == StationStem(y)) return true;
            }
        return false;
    }

    /// <summary>"Kansas City Missouri Police Department" is "Kansas City Police Department" with a state or place
    /// word inserted (not added at either end, which would change what is named).</summary>
    private bool PlaceInserted(string brief, string full)
    {
        var s = brief.Split(' ');
        var l = full.Split(' ');
        if (l.Length != s.Length + 1 || s.Length < 3) return false;
        int j = 0;
        while (j < s.Length && string.Equals(s[j], l[j], StringComparison.OrdinalIgnoreCase)) j++;
        if (j == 0 || j == s.Length) return false;
        for (int k = j; k < s.Length; k++)
            if (!string.Equals(s[k], l[k + 1], StringComparison.OrdinalIgnoreCase)) return false;
        return RegionNames.StateOf(l[j]) >= 0 || _lexicon.Places.Contains(l[j]);
    }

    private bool NotAPlace(string name) => !_lexicon.Places.Contains(name) && _places.CountryOf(name) < 0;

    /// <summary>Whether <paramref name="brief"/> is a short form of <paramref name="full"/>: its words followed only by
    /// designators ("Microsoft" / "Microsoft Corp.", "Stiles" / "Stiles Unit"), or, between organisations, its last words
    /// ("Saints" / "New Orleans Saints", "Red Sox" / "Boston Red Sox") unless those are a generic head ("Police").</summary>
    private static bool ShortForm(string brief, string full, bool suffixAllowed)
    {
        var s = NameForms.Key(brief).Split(' ');
        var l = NameForms.Key(full).Split(' ');
        // A long name one letter apart ("Academy of Motion Picture Arts" / "… Pictures Arts", "Gulf of Eden").
        if (s.Length == l.Length && s.Length >= 2 && brief.Length >= 12
            && NameForms.EditDistance(string.Join(' ', s), string.Join(' ', l), 1) <= 1) return true;
        if (Designators.Contains(s[0]) || EntityLexicon.OrgHeads.Contains(Capitalise(s[0]))) return false;
        // The same name with different designators: "Betty Ford Clinic" / "Betty Ford Treatment Center".
        int sc = s.Length, lc = l.Length;
        while (sc > 1 && Designators.Contains(s[sc - 1])) sc--;
        while (lc > 1 && Designators.Contains(l[lc - 1])) lc--;
        if (sc < s.Length && lc < l.Length && sc == lc && s.AsSpan(0, sc).SequenceEqual(l.AsSpan(0, lc))) return true;
        if (s.Length >= l.Length) return false;
        // An organisation called by the head before "of": "Academy" / "Academy of Motion Picture Arts and Sciences".
        if (suffixAllowed && l.Length > s.Length && l[s.Length] == "of" && s.AsSpan().SequenceEqual(l.AsSpan(0, s.Length))) return true;
        if (s.AsSpan().SequenceEqual(l.AsSpan(0, s.Length)) && l.Skip(s.Length).All(Designators.Contains)) return true;
        if (!suffixAllowed || s.All(w => w.Length < 3)) return false;
        return s.AsSpan().SequenceEqual(l.AsSpan(l.Length - s.Length));
    }

    private static string Capitalise(string w) => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..];

    private static bool FirstNamesMeet(Cluster a, Cluster b) =>
        a.FirstNames.Any(x => b.FirstNames.Any(y => NameForms.FirstNamesCompatible(x, y)));

    /// <summary>The most frequent multi-word form (people: with a first name), longest on ties; else the most frequent.</summary>
    private static string CanonicalName(Cluster c)
    {
        var counts = c.Mentions.GroupBy(m => m.Name).Select(g => (Name: g.Key, Count: g.Count())).ToList();
        var multi = counts.Where(x => x.Name.Contains(' ') || x.Name.Contains('-') && c.Type != EntityType.Person).ToList();
        var pool = multi.Count > 0 && c.Type != EntityType.Org ? multi
                 : counts.Where(x => !NameForms.IsAcronym(x.Name)).ToList() is { Count: > 0 } words ? words : counts;
        var best = pool.OrderByDescending(x => x.Count).ThenByDescending(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal).First().Name;
        return c.Type == EntityType.Org && c.TheNames.Contains(best) ? "The " + best : best;
    }
}
