using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Stories.Entities;

/// <summary>
/// Links the named mentions of a story's documents to entities. First within each document (a surname, a nickname or an
/// acronym refers back to the full name the document introduced), then across documents (the same name, a surname one
/// spelling apart with a compatible first name, an acronym and its expansion). People who share only a surname, or only a
/// first name, stay apart. Deterministic: documents and mentions are visited in order.
/// </summary>
public sealed class EntityMerger
{
    /// <summary>A group of mentions believed to name one entity, while merging.</summary>
    private sealed class Cluster
    {
        public EntityType Type;
        public readonly List<(string Doc, EntityMention Mention, string Name)> Mentions = [];
        public readonly HashSet<string> FirstNames = new(StringComparer.OrdinalIgnoreCase);
        public readonly HashSet<string> LastNames = new(StringComparer.OrdinalIgnoreCase);
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
        public readonly HashSet<string> Acronyms = new(StringComparer.Ordinal);
        public bool HasFullName => FirstNames.Count > 0;
        public bool Typed; // at least one mention carried type evidence (not Other)
        public int Order;  // first appearance, for deterministic output
    }

    /// <summary>Entities of a story and, for each mention, the entity it was linked to.</summary>
    public sealed record Result(ImmutableArray<StoryEntity> Entities, IReadOnlyDictionary<(string Doc, int Start), string> EntityOf);

    /// <param name="idFor">Gives the report-wide id for an entity key, so one entity keeps its id across stories.</param>
    public Result Merge(IReadOnlyList<Document> docs, Func<string, string> idFor)
    {
        var clusters = new List<Cluster>();
        int order = 0;
        foreach (var doc in docs)
            foreach (var c in LinkWithinDocument(doc))
            {
                c.Order = order++;
                clusters.Add(c);
            }
        clusters = LinkAcrossDocuments(clusters);

        var entities = new List<(Cluster Cluster, StoryEntity Entity)>();
        var entityOf = new Dictionary<(string, int), string>();
        foreach (var c in clusters.OrderBy(c => c.Order))
        {
            // An unknown single word nobody linked to a person or organisation is not reported as an entity.
            if (!c.Typed && c.Names.All(n => !n.Contains(' '))) continue;
            var name = CanonicalName(c);
            var id = idFor($"{c.Type}:{name}");
            var aliases = c.Names.Where(n => n != name).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();
            var mentions = c.Mentions.OrderBy(m => m.Doc, StringComparer.Ordinal).ThenBy(m => m.Mention.Start)
                .Select(m => new DocSpan(m.Doc, m.Mention.Start, m.Mention.End)).ToImmutableArray();
            entities.Add((c, new StoryEntity(id, name, c.Type, aliases, mentions)));
            foreach (var m in c.Mentions) entityOf[(m.Doc, m.Mention.Start)] = id;
        }
        return new Result(entities.Select(e => e.Entity).ToImmutableArray(), entityOf);
    }

    private static List<Cluster> LinkWithinDocument(Document doc)
    {
        var clusters = new List<Cluster>();
        var pending = new List<(EntityMention Mention, string Name)>();
        var text = doc.Text;
        for (int i = 0; i < doc.Entities.Length; i++)
        {
            var m = doc.Entities[i];
            var name = NameForms.Normalize(doc.Slice(m.Span));
            if (name.Length == 0) continue;

            // "Harbor Transit Authority (HTA)": the acronym right after an organisation names it.
            if (i > 0 && NameForms.IsAcronym(name) && doc.Entities[i - 1] is var prev && prev.Type == EntityType.Org
                && text.AsSpan(prev.End, m.Start - prev.End).Trim().SequenceEqual("(") && Find(clusters, prev) is { } owner)
            {
                Add(owner, doc.Id, m, name);
                owner.Acronyms.Add(name);
                continue;
            }

            var target = m.Type switch
            {
                EntityType.Person or EntityType.Other => FindPerson(clusters, name, m.Type),
                EntityType.Org => FindOrg(clusters, name),
                _ => clusters.FirstOrDefault(c => c.Type == m.Type && c.Names.Contains(name)),
            };
            if (target is null && m.Type == EntityType.Other && !name.Contains(' '))
            {
                pending.Add((m, name)); // a lone word may be a surname introduced later in the document
                continue;
            }
            target ??= NewCluster(clusters, m.Type);
            Add(target, doc.Id, m, name);
        }
        foreach (var (m, name) in pending)
        {
            var target = FindPerson(clusters, name, EntityType.Other) ?? NewCluster(clusters, EntityType.Other);
            Add(target, doc.Id, m, name);
        }
        return clusters;
    }

    private static Cluster NewCluster(List<Cluster> clusters, EntityType type)
    {
        var c = new Cluster { Type = type };
        clusters.Add(c);
        return c;
    }

    private static Cluster? Find(List<Cluster> clusters, EntityMention m) =>
        clusters.FirstOrDefault(c => c.Mentions.Exists(x => x.Mention.Start == m.Start));

    /// <summary>A person mention joins the most recent cluster it can name: the same full name; a surname alone; a
    /// first name that is a nickname or prefix of exactly one person's ("Flo"); a full name whose surname is one
    /// spelling apart with a compatible first name.</summary>
    private static Cluster? FindPerson(List<Cluster> clusters, string name, EntityType type)
    {
        var parts = NameForms.PersonParts(name);
        if (parts.Length == 0) return null;
        for (int i = clusters.Count - 1; i >= 0; i--)
        {
            var c = clusters[i];
            if (c.Type is not (EntityType.Person or EntityType.Other)) continue;
            if (c.Names.Contains(name)) return c;
            if (parts.Length == 1)
            {
                if (c.LastNames.Contains(parts[0])) return c;
            }
            else if (c.HasFullName && c.LastNames.Any(l => NameForms.SurnamesMatch(l, parts[^1]))
                     && c.FirstNames.Any(f => NameForms.FirstNamesCompatible(f, parts[0])))
                return c;
            else if (!c.HasFullName && c.LastNames.Contains(parts[^1]))
                return c; // "Neudauer" seen first, "Shawn Neudauer" later
        }
        if (parts.Length == 1 && parts[0].Length >= 3)
        {
            var byFirst = clusters.Where(c => c.Type == EntityType.Person && c.FirstNames.Any(f => f.Length > parts[0].Length
                && f.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))).Take(2).ToList();
            if (byFirst.Count == 1) return byFirst[0];
        }
        return null;
    }

    private static Cluster? FindOrg(List<Cluster> clusters, string name)
    {
        bool acronym = NameForms.IsAcronym(name);
        foreach (var c in clusters)
        {
            if (c.Type != EntityType.Org) continue;
            if (c.Names.Contains(name) || c.Acronyms.Contains(name)) return c;
            if (acronym && c.Names.Any(n => n.Contains(' ') && NameForms.Initials(n) == name)) return c;
            if (!acronym && c.Acronyms.Count > 0 && c.Acronyms.Contains(NameForms.Initials(name))) return c;
            if (!acronym && c.Names.Any(n => NameForms.IsAcronym(n) && NameForms.Initials(name) == n)) return c;
        }
        return null;
    }

    private static void Add(Cluster c, string doc, EntityMention m, string name)
    {
        c.Mentions.Add((doc, m, name));
        c.Names.Add(name);
        if (m.Type != EntityType.Other)
        {
            // A typed mention settles the cluster's type; a person beats an unknown.
            if (!c.Typed || c.Type == EntityType.Other) c.Type = m.Type;
            c.Typed = true;
        }
        if (c.Type is EntityType.Person or EntityType.Other)
        {
            var parts = NameForms.PersonParts(name);
            if (parts.Length >= 2) { c.FirstNames.Add(parts[0]); c.LastNames.Add(parts[^1]); }
            else if (parts.Length == 1) c.LastNames.Add(parts[0]);
        }
        if (c.Type == EntityType.Org && NameForms.IsAcronym(name)) c.Acronyms.Add(name);
    }

    /// <summary>Merges document clusters across the story with union-find, in document order.</summary>
    private static List<Cluster> LinkAcrossDocuments(List<Cluster> clusters)
    {
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }

        // Index by lower-cased last name and by name, so each cluster is compared only with plausible partners.
        var byKey = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        void Index(string key, int i) { if (!byKey.TryGetValue(key, out var l)) byKey[key] = l = []; l.Add(i); }
        for (int i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i];
            foreach (var n in c.Names) Index("n:" + n, i);
            foreach (var l in c.LastNames) Index("l:" + Skeleton(l), i);
            foreach (var a in c.Acronyms) Index("a:" + a, i);
            if (c.Type == EntityType.Org) foreach (var n in c.Names) if (n.Contains(' ')) Index("a:" + NameForms.Initials(n), i);
        }
        for (int i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i];
            var candidates = new SortedSet<int>();
            foreach (var n in c.Names) if (byKey.TryGetValue("n:" + n, out var l)) candidates.UnionWith(l);
            foreach (var ln in c.LastNames) if (byKey.TryGetValue("l:" + Skeleton(ln), out var l)) candidates.UnionWith(l);
            foreach (var a in c.Acronyms) if (byKey.TryGetValue("a:" + a, out var l)) candidates.UnionWith(l);
            if (c.Type == EntityType.Org) foreach (var n in c.Names) if (byKey.TryGetValue("a:" + n, out var l)) candidates.UnionWith(l);
            foreach (var j in candidates)
            {
                if (j == i || Root(i) == Root(j)) continue;
                if (SameEntity(c, clusters[j], clusters)) parent[Root(j)] = Root(i);
            }
        }

        var merged = new Dictionary<int, Cluster>();
        for (int i = 0; i < clusters.Count; i++)
        {
            int r = Root(i);
            if (!merged.TryGetValue(r, out var target)) { merged[r] = clusters[i]; continue; }
            var c = clusters[i];
            target.Mentions.AddRange(c.Mentions);
            target.Names.UnionWith(c.Names);
            target.FirstNames.UnionWith(c.FirstNames);
            target.LastNames.UnionWith(c.LastNames);
            target.Acronyms.UnionWith(c.Acronyms);
            if (c.Typed && (!target.Typed || target.Type == EntityType.Other)) { target.Type = c.Type; }
            target.Typed |= c.Typed;
            target.Order = Math.Min(target.Order, c.Order);
        }
        return merged.Values.ToList();
    }

    /// <summary>A blocking key that survives one-letter spelling changes inside long surnames: the first three letters.</summary>
    private static string Skeleton(string lastName) => lastName.Length >= 3 ? lastName[..3] : lastName;

    private static bool SameEntity(Cluster a, Cluster b, List<Cluster> all)
    {
        bool personA = a.Type is EntityType.Person or EntityType.Other, personB = b.Type is EntityType.Person or EntityType.Other;
        if (personA && personB)
        {
            if (a.Names.Overlaps(b.Names) && (a.HasFullName || b.HasFullName || a.Typed || b.Typed))
                return !(a.HasFullName && b.HasFullName) || FirstNamesMeet(a, b);
            bool lastMatch = a.LastNames.Any(x => b.LastNames.Any(y => NameForms.SurnamesMatch(x, y)));
            if (!lastMatch) return false;
            if (a.HasFullName && b.HasFullName) return FirstNamesMeet(a, b);
            // A surname-only cluster joins a full name only when one person in the story carries that surname.
            var fullOnes = all.Where(c => c.HasFullName && c.LastNames.Any(x => (a.HasFullName ? b : a).LastNames.Any(y => NameForms.SurnamesMatch(x, y))))
                .Select(c => string.Join(' ', c.FirstNames.Order(StringComparer.OrdinalIgnoreCase)))
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(2).Count();
            return fullOnes <= 1;
        }
        if (a.Type != b.Type) return false;
        if (a.Names.Overlaps(b.Names)) return true;
        if (a.Type == EntityType.Org)
        {
            if (a.Acronyms.Overlaps(b.Acronyms)) return true;
            if (a.Acronyms.Any(x => b.Names.Any(n => n.Contains(' ') && NameForms.Initials(n) == x))) return true;
            if (b.Acronyms.Any(x => a.Names.Any(n => n.Contains(' ') && NameForms.Initials(n) == x))) return true;
        }
        return false;
    }

    private static bool FirstNamesMeet(Cluster a, Cluster b) =>
        a.FirstNames.Any(x => b.FirstNames.Any(y => NameForms.FirstNamesCompatible(x, y)));

    /// <summary>The most frequent multi-word form (people: with a first name), longest on ties; else the most frequent.</summary>
    private static string CanonicalName(Cluster c)
    {
        var counts = c.Mentions.GroupBy(m => m.Name).Select(g => (Name: g.Key, Count: g.Count())).ToList();
        var multi = counts.Where(x => x.Name.Contains(' ') || x.Name.Contains('-') && c.Type != EntityType.Person).ToList();
        var pool = multi.Count > 0 && c.Type != EntityType.Org ? multi
                 : counts.Where(x => !NameForms.IsAcronym(x.Name)).ToList() is { Count: > 0 } words ? words : counts;
        return pool.OrderByDescending(x => x.Count).ThenByDescending(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal).First().Name;
    }
}
