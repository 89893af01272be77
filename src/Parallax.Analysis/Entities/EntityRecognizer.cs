using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Parallax.Analysis.Entities.Tagger;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// Finds named mentions (people, organisations, places) by combining rules over capitalised token runs and gazetteers
/// with a trained sequence tagger (<see cref="NerTagger"/>). The rules keep what they do better than the model and what
/// later stages rely on: titles and roles split into <see cref="EntityMention.Title"/>, "X, role" appositions, acronym
/// definitions, organisation heads and designators, major places, things after a thing noun, headline skipping. The
/// tagger decides the rest: it types and bounds every mention the rules typed on weak evidence, drops those it does not
/// tag, and adds the names the rules missed (see AddModelMentions). Linear in tokens; allocates per mention and per
/// sentence, not per token.
/// </summary>
public sealed class EntityRecognizer(EntityLexicon lexicon, NerTagger? tagger = null)
{
    private static readonly FrozenSet<string> MonthsAndDays = new[]
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Final words of places that are not in any gazetteer: streets and buildings.</summary>
    private static readonly FrozenSet<string> PlaceHeads = new[]
    {
        "Circle", "Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.", "Drive", "Lane", "Parkway",
        "Highway", "Building", "Park", "Bridge", "Square", "Plaza", "County", "City", "Township", "Valley", "River",
        "Lake", "Island", "Mountain", "Beach", "Harbor", "Harbour", "Port", "Heights", "Hills", "Mound", "Point", "Channel",
        "Bay", "Sound", "Strait", "Canal", "Creek", "Pier", "Dock", "Wharf", "Basin", "Inlet", "Cove", "Peninsula",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>First words of place names ("Port Alden", "Fort Worth", "Mount Vernon"). Some ("Port", "Fort") are also in
    /// the first-name list, so this check comes before it.</summary>
    private static readonly FrozenSet<string> PlacePrefixes = new[]
    {
        "Port", "Fort", "Ft.", "Mount", "Mt.", "Lake", "Saint", "St.", "San", "Santa", "Los", "Las", "Glen", "Cape", "Isle",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Final words of names of things that are neither people nor organisations.</summary>
    private static readonly FrozenSet<string> OtherHeads = new[]
    {
        "Amendment", "Act", "Code", "Statute", "Law", "Live", "Day", "Week", "Cup", "Games", "Award", "Prize", "Bill",
        "Order", "Policy", "Program", "Plan", "Agreement", "Treaty", "War", "Storm", "Hurricane", "Fire",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions that put a following name in a place ("outside Port Alden").</summary>
    private static readonly FrozenSet<string> Locatives = new[]
    {
        "in", "at", "near", "outside", "across", "into", "through", "toward", "towards", "downtown", "around", "within",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "told", "tells", "stated", "asserted", "wrote", "added", "explained", "noted", "argued",
        "claimed", "confirmed", "announced", "tweeted", "responded", "replied", "testified", "insisted", "warned",
        "recalled", "acknowledged", "spoke", "described",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns that, right before a name, make it a vessel, vehicle, product or work ("the tug Marguerite K",
    /// "the album Blue"): typed Other whatever its words look like.</summary>
    private static readonly FrozenSet<string> ThingNouns = new[]
    {
        "tug", "tugboat", "ship", "vessel", "boat", "barge", "ferry", "freighter", "tanker", "yacht", "schooner", "trawler",
        "sloop", "cutter", "submarine", "carrier", "steamer", "liner", "warship", "destroyer", "frigate", "aircraft",
        "jet", "airliner", "rocket", "spacecraft", "satellite", "drone", "album", "song", "single", "film", "movie",
        "book", "novel", "series", "hurricane", "storm", "typhoon", "cyclone", "operation", "festival", "tournament",
        "app", "software", "game", "model",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of company names that a short form drops ("Ford Motor Co." → "Ford").</summary>
    private static readonly FrozenSet<string> CompanyWords = new[]
    {
        "Motor", "Motors", "Airlines", "Airways", "Industries", "Technologies", "Systems", "Electric", "Communications",
        "Pharmaceuticals", "Entertainment", "Holdings", "Group",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The tagger's labels for one sentence (token indices relative to the document).</summary>
    private readonly struct ModelLabels(byte[]? labels, int first, int count, HashSet<string> surnames, HashSet<string> lowerWords, HashSet<int>? weak = null)
    {
        /// <summary>Lower-case word forms of the document (see <see cref="LowerCaseWords"/>).</summary>
        public HashSet<string> LowerWords => lowerWords;

        public bool Present => labels is not null;

        /// <summary>Start offsets of this sentence's rule mentions typed on weak evidence (a neighbouring word or
        /// nothing): the tagger's span and type replace them.</summary>
        public HashSet<int>? Weak => weak;

        /// <summary>Last words of the people the document has named so far ("Tolliver" after "Ray Tolliver"): a lone
        /// surname is left to the rules and the story stage, which link it to the person.</summary>
        public HashSet<string> Surnames => surnames;

        /// <summary>The model's type when it tagged exactly tokens a..b (inclusive) as one span.</summary>
        public EntityType? TypeOf(int a, int b)
        {
            if (labels is null || a < first || b >= first + count) return null;
            byte l = labels[a - first];
            if (!NerLabels.IsBegin(l) && !(NerLabels.IsInside(l) && (a == first || !SameSpan(labels[a - first - 1], l)))) return null;
            var type = NerLabels.TypeOf(l);
            for (int k = a + 1; k <= b; k++)
                if (labels[k - first] != NerLabels.Inside(type)) return null;
            if (b + 1 < first + count && labels[b + 1 - first] == NerLabels.Inside(type)) return null;
            return type;
        }

        /// <summary>Whether the model tagged any of tokens a..b.</summary>
        public bool Any(int a, int b)
        {
            if (labels is null) return false;
            for (int k = Math.Max(a, first); k <= b && k < first + count; k++)
                if (labels[k - first] != NerLabels.O) return true;
            return false;
        }

        /// <summary>Whether the model parted two names at token k ("and"): it ended a name right before k, left k
        /// outside any name, and began a new one right after it (or <paramref name="headFollows"/>: the next word is an
        /// organisation's head, "… and Division of Student Affairs").</summary>
        public bool PartsAt(int k, bool headFollows)
        {
            if (labels is null || k <= first || k + 1 >= first + count) return false;
            return labels[k - first] == NerLabels.O && labels[k - 1 - first] != NerLabels.O
                && (NerLabels.IsBegin(labels[k + 1 - first]) || headFollows);
        }

        private static bool SameSpan(byte previous, byte label) => previous != NerLabels.O && NerLabels.TypeOf(previous) == NerLabels.TypeOf(label);
    }

    public List<EntityMention> Recognize(Document doc)
    {
        var text = doc.Text;
        IReadOnlyList<Token> tokens = doc.Tokens; // boxed once, not at every helper call
        var lowerWords = LowerCaseWords(text, tokens);
        var mentions = new List<EntityMention>();
        byte[]? labels = null;
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var weak = new HashSet<int>();
        try
        {
            foreach (var sentence in doc.Sentences)
            {
                var sentenceTokens = ImmutableCollectionsMarshal.AsArray(doc.Tokens)!.AsSpan(sentence.FirstToken, sentence.TokenCount);
                if (tagger is not null && ShoutedLines.Applies(text, sentenceTokens))
                {
                    labels = Rent(labels, sentence.TokenCount);
                    tagger.Tag(text, sentenceTokens, labels);
                    ShoutedLines.Add(text, sentenceTokens, labels, lexicon, mentions);
                    continue;
                }
                if (IsHeadline(text, tokens, sentence))
                {
                    if (tagger is not null) AddHeadlineNames(doc, sentence, mentions, ref labels);
                    continue;
                }
                if (tagger is not null && TitleCaseLines.Applies(text, sentenceTokens))
                {
                    labels = Rent(labels, sentence.TokenCount);
                    tagger.Tag(text, sentenceTokens, labels);
                    ShoutedLines.Add(text, sentenceTokens, labels, lexicon, mentions);
                    continue;
                }
                if (!AnyCanStart(text, tokens, sentence, lowerWords)) continue;
                int end = sentence.EndToken;
                int i = sentence.FirstToken;
                int before = mentions.Count;
                var model = new ModelLabels(null, 0, 0, surnames, lowerWords);
                if (tagger is not null && sentence.TokenCount > 0)
                {
                    labels = Rent(labels, sentence.TokenCount);
                    tagger.Tag(text, ImmutableCollectionsMarshal.AsArray(doc.Tokens)!.AsSpan(sentence.FirstToken, sentence.TokenCount), labels);
                    weak.Clear();
                    model = new ModelLabels(labels, sentence.FirstToken, sentence.TokenCount, surnames, lowerWords, weak);
                }
                while (i < end)
                {
                    if (!CanStart(text, tokens, i, sentence, lowerWords)) { i++; continue; }
                    int last = SlashedOrgName(text, tokens, OrgNameLists.Extend(text, tokens, i, ExtendRun(text, tokens, i, end), end, lexicon), end);
                    EmitRun(doc, i, last, end, mentions, model, sentence);
                    i = last + 1;
                }
                if (model.Present) AddModelMentions(doc, sentence, mentions, before, labels!, weak, lowerWords);
            }
        }
        finally { if (labels is not null) ArrayPool<byte>.Shared.Return(labels); }
        LonePersons.Untype(doc, mentions, lexicon);
        RetypeShortOrgForms(text, mentions);
        RetypeThings(doc, mentions);
        TypeUntypedRepeats(doc.Text, mentions);
        AddSentenceInitialRepeats(doc, mentions, lowerWords);
        Datelines.Apply(text, tokens, doc.Sentences, mentions);
        return mentions;
    }

    /// <summary>
    /// Document-level evidence for a sentence's first word, where capitalisation says nothing and the tagger often tags
    /// nothing ("Boeing said on Tuesday …"): when the document names the same single word elsewhere with one type
    /// ("… after Boeing said …" as an organisation), the opening word is that name too, unless the document also writes
    /// it in lower case ("Fire crews …" beside "the fire") or it opens a longer capitalised run. Linear in tokens and
    /// mentions; one string per single-word mention.
    /// </summary>
    private static void AddSentenceInitialRepeats(Document doc, List<EntityMention> mentions, HashSet<string> lowerWords)
    {
        var text = doc.Text;
        IReadOnlyList<Token> tokens = doc.Tokens; // boxed once, not at every helper call
        Dictionary<string, EntityType>? named = null;
        foreach (var m in mentions)
        {
            if (m.Type == EntityType.Other || m.Title is not null) continue;
            var name = text.AsSpan(m.Start, m.End - m.Start);
            if (name.ContainsAny(' ', '\n')) continue;
            named ??= new(StringComparer.Ordinal);
            var key = name.ToString();
            // A word the document types two ways is no evidence.
            if (named.TryGetValue(key, out var seen) && seen != m.Type) named[key] = EntityType.Other;
            else named[key] = m.Type;
        }
        if (named is null) return;
        var lookup = named.GetAlternateLookup<ReadOnlySpan<char>>();
        var lower = lowerWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int before = mentions.Count, next = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (var sentence in doc.Sentences)
        {
            int t = sentence.FirstToken;
            while (t < sentence.EndToken && IsOpeningMark(text, tokens, t)) t++;
            if (t >= sentence.EndToken || !IsNameToken(tokens[t]) || IsHeadline(text, tokens, sentence)) continue;
            if (t + 1 < sentence.EndToken && IsNameToken(tokens[t + 1])) continue;
            var word = Word(text, tokens[t]);
            if (!lookup.TryGetValue(word, out var type) || type == EntityType.Other) continue;
            if (word.Length <= buffer.Length && word.ToLowerInvariant(buffer) > 0 && lower.Contains(buffer[..word.Length])) continue;
            while (next < before && mentions[next].End <= tokens[t].Start) next++;
            if (next < before && mentions[next].Start < tokens[t].End) continue; // already a mention there
            mentions.Add(new EntityMention(tokens[t].Start, tokens[t].End, type));
        }
        if (mentions.Count > before) mentions.Sort(Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start)));
    }

    /// <summary>
    /// Document-level evidence: a name the document also writes as an organisation's longer form ("Ford Motor Co.",
    /// "Apple Inc.", "The Hill") is that organisation wherever it stands alone without a title ("Ford said …").
    /// Linear in mentions; one string per organisation mention.
    /// </summary>
    private void RetypeShortOrgForms(string text, List<EntityMention> mentions)
    {
        HashSet<string>? shortForms = null;
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Org) continue;
            var words = text.AsSpan(m.Start, m.End - m.Start);
            if (words.StartsWith("The ")) (shortForms ??= new(StringComparer.Ordinal)).Add(words[4..].ToString());
            // One name, one type in a document: a name of several words the document types as an organisation once
            // ("Northrop Grumman said its …") is that organisation where a first name made it look like a person.
            else if (words.Contains(' ') && m.Title is null) (shortForms ??= new(StringComparer.Ordinal)).Add(words.ToString());
            // "the Housing Authority of New Orleans (HANO)": the acronym it defines is that organisation elsewhere too.
            if (DefinedAcronym(text, m.End) is { } acronym) (shortForms ??= new(StringComparer.Ordinal)).Add(acronym);
            // Strip trailing designators and company words: "Ford Motor Co." → "Ford Motor" → "Ford". Not institutional
            // heads: "Kansas City Police Department" does not make "Kansas City" an organisation.
            int end = words.Length;
            while (true)
            {
                int space = words[..end].LastIndexOf(' ');
                if (space <= 0) break;
                var last = words[(space + 1)..end];
                if (!CompanyWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last) && !lexicon.DesignatorLookup.Contains(last)) break;
                end = space;
                (shortForms ??= new(StringComparer.Ordinal)).Add(words[..end].ToString());
            }
        }
        if (shortForms is null) return;
        var lookup = shortForms.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is EntityType.Person or EntityType.Other && m.Title is null
                && lookup.Contains(text.AsSpan(m.Start, m.End - m.Start)))
                mentions[i] = m with { Type = EntityType.Org };
        }
    }

    /// <summary>The acronym in parentheses right after an organisation's name ("… New Orleans (HANO)"), or null.</summary>
    private static string? DefinedAcronym(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length || text[i] != '(') return null;
        int start = ++i;
        while (i < text.Length && i - start <= 12 && (char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        return i < text.Length && text[i] == ')' && i - start >= 2 && char.IsAsciiLetterUpper(text[start]) ? text[start..i] : null;
    }

    /// <summary>
    /// The tagger decides every mention the rules typed on weak evidence (<see cref="ModelLabels.Weak"/>): where it tagged
    /// exactly a weak rule mention its type wins (not PLACE for a lone word without a locative, as in
    /// <see cref="Classify"/>: a shouted "AUSTRALIAN" is no place); where its span overlaps weak rule mentions with other
    /// boundaries they are dropped, unless one of them holds strong evidence; a weak rule mention it left untagged is
    /// dropped unless a speech verb stands next to it or it is an acronym of three letters or more (mostly organisations
    /// in news; the tagger rarely knows a new one; the set <paramref name="weak"/> holds ~start for the droppable ones).
    /// A span of its own that overlaps no rule mention is added when <see cref="PlausibleName"/> (the rules' own test)
    /// lets it. Rule mentions with strong evidence (titles, organisation heads and designators, acronym definitions,
    /// places from the major-place list, place heads, things named after a thing noun, "The X", "said its", a locative, a
    /// surname of a person already named) stay as the rules made them. Measured on GUM and UNER EWT dev: rules typing lone
    /// acronyms, first name + surname and small-gazetteer places cost F1 when strong. Replacing a weak mention by the
    /// tagger's differently bounded span, rather than dropping it, scored lower on GUM dev and on ECB+ story clustering
    /// (the tagger's spans keep titles and "the", which the report keeps apart).
    /// </summary>
    private void AddModelMentions(Document doc, Sentence sentence, List<EntityMention> mentions, int fromRule, byte[] labels, HashSet<int> weak,
        HashSet<string> lowerWords)
    {
        var text = doc.Text;
        var tokens = ImmutableCollectionsMarshal.AsArray(doc.Tokens)!.AsSpan(sentence.FirstToken, sentence.TokenCount);
        if (tokens.Length == 0) return;
        int ruleEnd = mentions.Count;
        var spans = NerLabels.Spans(labels.AsSpan(0, tokens.Length));
        Span<bool> covered = ruleEnd - fromRule <= 64 ? stackalloc bool[ruleEnd - fromRule] : new bool[ruleEnd - fromRule];
        covered.Clear();
        bool removed = false;
        var titles = EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (a0, b, type) in spans)
        {
            // The report keeps titles out of names ("Mr Buckley", "President Barack Obama": the name is what follows, the
            // rules put the title in Title); the tagger learnt GUM's spans, which include them.
            int a = a0;
            // Nor do lower-case words open a name ("downtown San Diego", "the Chargers").
            while (b - a > 1)
            {
                if (titles.Contains(text.AsSpan(tokens[a].Start, tokens[a].Length))) a = a + 1 < b && text[tokens[a + 1].Start] == '.' && b - a > 2 ? a + 2 : a + 1;
                else if (char.IsLower(text[tokens[a].Start])) a++;
                else break;
            }
            var span = new TextSpan(tokens[a].Start, tokens[b - 1].End);
            int exact = -1, overlaps = 0;
            bool keep = false;
            for (int k = fromRule; k < ruleEnd; k++)
            {
                var m = mentions[k];
                if (!m.Span.Overlaps(span)) continue;
                overlaps++;
                covered[k - fromRule] = true;
                if (m.Span == span) exact = k;
                // Strong rule evidence, a title split off, or a hyphen the tokenizer split ("Ferro- Banes") keeps the rules' span.
                if ((m.Type != EntityType.Other && !weak.Contains(m.Start)) || m.Title is not null || Contains(text, m, "- ")) keep = true;
            }
            if (exact >= 0)
            {
                int first = sentence.FirstToken + a, last = sentence.FirstToken + b - 1;
                if (weak.Contains(mentions[exact].Start)
                    && !(type == EntityType.Place && a + 1 == b && (!PlaceContext(text, doc.Tokens, first, sentence) && !LonePlace(text, doc.Tokens[first])
                        || lexicon.DemonymLookup.Contains(Word(text, doc.Tokens[first]))))
                    && !(type == EntityType.Person && ((doc.Tokens[first].Shape & TokenShape.AllCaps) != 0
                        || AcronymAfterFirst(text, doc.Tokens, first, last) || BareLetterLast(text, doc.Tokens, last, sentence.EndToken))))
                    mentions[exact] = mentions[exact] with { Type = type };
                continue;
            }
            if (overlaps > 0)
            {
                if (keep) continue;
                for (int k = fromRule; k < ruleEnd; k++)
                    if (mentions[k].Span.Overlaps(span)) { mentions[k] = mentions[k] with { End = mentions[k].Start }; removed = true; }
                continue;
            }
            // A run ending on a title word is a role, not a name ("Surgeon General", "the Attorney General").
            if (titles.Contains(text.AsSpan(tokens[b - 1].Start, tokens[b - 1].Length))) continue;
            if (!PlausibleName(text, doc.Tokens, sentence.FirstToken + a, sentence.FirstToken + b, type, sentence, lowerWords)) continue;
            mentions.Add(new EntityMention(span.Start, span.End, type));
        }
        for (int k = fromRule; k < ruleEnd; k++)
        {
            var m = mentions[k];
            if (covered[k - fromRule] || m.Title is not null || m.Type == EntityType.Other || !weak.Contains(~m.Start)) continue;
            mentions[k] = m with { End = m.Start };
            removed = true;
        }
        if (removed)
        {
            int w = fromRule;
            for (int k = fromRule; k < mentions.Count; k++)
                if (mentions[k].End > mentions[k].Start) mentions[w++] = mentions[k];
            mentions.RemoveRange(w, mentions.Count - w);
        }
        if (mentions.Count - fromRule > 1)
            mentions.Sort(fromRule, mentions.Count - fromRule, Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start)));

        static bool Contains(string text, EntityMention m, string part) => text.AsSpan(m.Start, m.End - m.Start).Contains(part, StringComparison.Ordinal);
    }

    private static byte[] Rent(byte[]? labels, int count)
    {
        if (labels is not null && labels.Length >= count) return labels;
        if (labels is not null) ArrayPool<byte>.Shared.Return(labels);
        return ArrayPool<byte>.Shared.Rent(Math.Max(count, 64));
    }

    /// <summary>
    /// In a title-case line capitalisation says nothing, so the rules skip it; but lists of names look like such lines too
    /// ("Kristen Quinn, Sarah Mulholland, Samuel Pak", "Coach: Lisa Gilette"). There a name stands only as a list item
    /// (between punctuation or the line's ends) where two kinds of evidence agree: the tagger's exact PERSON span of two or
    /// three words opening with a first name, or its exact PLACE span that the place gazetteer holds.
    /// </summary>
    private void AddHeadlineNames(Document doc, Sentence sentence, List<EntityMention> mentions, ref byte[]? labels)
    {
        if (sentence.TokenCount == 0) return;
        labels = Rent(labels, sentence.TokenCount);
        var text = doc.Text;
        var tokens = ImmutableCollectionsMarshal.AsArray(doc.Tokens)!.AsSpan(sentence.FirstToken, sentence.TokenCount);
        tagger!.Tag(text, tokens, labels);
        foreach (var (a, b, type) in NerLabels.Spans(labels.AsSpan(0, tokens.Length)))
        {
            bool caps = false;
            for (int k = a; k < b; k++)
                if (!IsNameToken(tokens[k]) || (tokens[k].Shape & TokenShape.AllCaps) != 0) caps = true;
            // A list item stands between punctuation or the line's ends; a headline's name runs into its words
            // ("Lindsay Lohan Checks Into Rehab"), where the report stays silent as before.
            if (caps || a > 0 && tokens[a - 1].Kind == TokenKind.Word || b < tokens.Length && tokens[b].Kind == TokenKind.Word) continue;
            var span = text.AsSpan(tokens[a].Start, tokens[b - 1].End - tokens[a].Start);
            bool person = type == EntityType.Person && b - a is 2 or 3 && lexicon.FirstNameLookup.Contains(text.AsSpan(tokens[a].Start, tokens[a].Length));
            bool place = type == EntityType.Place && lexicon.PlaceLookup.Contains(span);
            if (person || place) mentions.Add(new EntityMention(tokens[a].Start, tokens[b - 1].End, type));
        }
    }

    /// <summary>"the tug Marguerite K", "the tug, the Marguerite K": a lower-case thing noun right before token
    /// <paramref name="a"/>, or before an appositive "the".</summary>
    private static bool AfterThingNoun(string text, IReadOnlyList<Token> tokens, int a)
    {
        int k = a - 1;
        if (k >= 0 && Word(text, tokens[k]) is "the") k--;
        if (k >= 0 && k < a - 1 && Word(text, tokens[k]) is ",") k--;
        return k >= 0 && tokens[k].Kind == TokenKind.Word && char.IsLower(text[tokens[k].Start])
            && ThingNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k]));
    }

    /// <summary>One name, one type in a document: a name the document introduces as a thing ("the tug Marguerite K")
    /// is that thing in its other mentions too, not a person.</summary>
    private static void RetypeThings(Document doc, List<EntityMention> mentions)
    {
        var text = doc.Text;
        HashSet<string>? things = null;
        int t = 0;
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Other) continue;
            while (t < doc.Tokens.Length && doc.Tokens[t].Start < m.Start) t++;
            if (t < doc.Tokens.Length && doc.Tokens[t].Start == m.Start && AfterThingNoun(text, doc.Tokens, t))
                (things ??= new(StringComparer.Ordinal)).Add(text[m.Start..m.End]);
        }
        if (things is null) return;
        var lookup = things.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < mentions.Count; i++)
            if (mentions[i].Type == EntityType.Person && mentions[i].Title is null && lookup.Contains(text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start)))
                mentions[i] = mentions[i] with { Type = EntityType.Other };
    }

    /// <summary>One name, one type in a document: a name of several words left untyped in one mention ("the Waterfront
    /// Line car") takes the one type the document gives it in others ("rides the Waterfront Line" as a place). A name the
    /// document types two ways stays as it is. Linear in mentions; one string per multi-word mention.</summary>
    private static void TypeUntypedRepeats(string text, List<EntityMention> mentions)
    {
        Dictionary<string, EntityType>? typed = null;
        bool untyped = false;
        foreach (var m in mentions)
        {
            if (m.Title is not null || text.AsSpan(m.Start, m.End - m.Start).IndexOf(' ') < 0) continue;
            if (m.Type == EntityType.Other) { untyped = true; continue; }
            typed ??= new(StringComparer.Ordinal);
            var key = text[m.Start..m.End];
            // Other marks a name typed two ways.
            typed[key] = typed.TryGetValue(key, out var seen) && seen != m.Type ? EntityType.Other : m.Type;
        }
        if (typed is null || !untyped) return;
        var lookup = typed.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type == EntityType.Other && m.Title is null && lookup.TryGetValue(text.AsSpan(m.Start, m.End - m.Start), out var type)
                && type != EntityType.Other)
                mentions[i] = m with { Type = type };
        }
    }

    /// <summary>Whether any token could open a name. The model's spans must start at such a token (see
    /// <see cref="PlausibleName"/>), so a sentence without one is not worth tagging.</summary>
    private bool AnyCanStart(string text, IReadOnlyList<Token> tokens, Sentence sentence, HashSet<string> lowerWords)
    {
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            if (CanStart(text, tokens, i, sentence, lowerWords)) return true;
        return false;
    }

    /// <summary>A model span the rules would have let start, ending on a name token, and not one the rules turn down on
    /// purpose: a run holding a title (the rules split titles off; "Attorney General" alone is no name), a lone head
    /// word ("the Department", "the Board"), a lone non-acronym ("KC", "TV"), a shouted word as anything but an
    /// acronym ("ALDEN"), a person starting with a place prefix ("Port Alden"), or an all-caps run (datelines).</summary>
    private bool PlausibleName(string text, IReadOnlyList<Token> tokens, int a, int b, EntityType type, Sentence sentence, HashSet<string> lowerWords)
    {
        if (!CanStart(text, tokens, a, sentence, lowerWords) || !IsNameToken(tokens[b - 1])) return false;
        int caps = 0;
        for (int k = a; k < b; k++)
        {
            if ((tokens[k].Shape & TokenShape.AllCaps) != 0) caps++;
            if (EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k]))) return false;
        }
        var first = Word(text, tokens[a]);
        if (b - a == 1)
        {
            if (EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)
                && !EntityLexicon.KnownOrgs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)) return false;
            if (EntityLexicon.NotAcronyms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)) return false;
            // A lone role word ("… and General Counsel for …", "the Director") is an office, not a name.
            if (IsRoleWord(text, tokens[a])) return false;
            if (ListLabel(text, tokens, a, sentence.EndToken, lowerWords)) return false;
            if (caps == 1 && type != EntityType.Org) return false;
            return true;
        }
        if (type == EntityType.Person && PlacePrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)) return false;
        return caps < b - a;
    }

    /// <summary>Lower-case word forms of the document: a sentence-initial "Agencies" is a common word when
    /// "agencies" also occurs. One string per distinct word, not per token.</summary>
    private static HashSet<string> LowerCaseWords(string text, IReadOnlyList<Token> tokens)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word || !char.IsLower(text[t.Start])) continue;
            var w = text.AsSpan(t.Start, t.Length);
            if (!lookup.Contains(w)) lookup.Add(w);
        }
        return set;
    }

    /// <summary>Title-case lines (headlines, captions) capitalise every word, so capitalisation says nothing there.
    /// A headline has no closing punctuation; a sentence full of names ("Officers of the Department of …") has.</summary>
    private static bool IsHeadline(string text, IReadOnlyList<Token> tokens, Sentence s)
    {
        if (s.Length == 0 || text[s.End - 1] is '.' or '!' or '?' or '"' or '\u201D' or ':') return false;
        int words = 0, caps = 0;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || tokens[t].Length < 4) continue;
            words++;
            if ((tokens[t].Shape & TokenShape.Capitalized) != 0) caps++;
        }
        return words >= 4 && caps * 10 >= words * 7;
    }

    private static bool IsNameToken(Token t) =>
        t.Kind == TokenKind.Word && (t.Shape & (TokenShape.Capitalized | TokenShape.AllCaps)) != 0;

    private bool CanStart(string text, IReadOnlyList<Token> tokens, int i, Sentence s, HashSet<string> lowerWords)
    {
        var t = tokens[i];
        if (!IsNameToken(t)) return false;
        var w = text.AsSpan(t.Start, t.Length);
        bool initial = i == s.FirstToken || IsOpeningMark(text, tokens, i - 1);
        // "The Hill", "The New York Times": a capital "The" in mid-sentence opens a name.
        if (w.SequenceEqual("The") && !initial) return i + 1 < s.EndToken && IsNameToken(tokens[i + 1]);
        if (EntityLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return false;
        if (IsContraction(w)) return false;
        if (initial && (t.Shape & TokenShape.AllCaps) == 0)
        {
            Span<char> lower = stackalloc char[Math.Min(t.Length, 64)];
            if (t.Length <= 64 && w.ToLowerInvariant(lower) > 0 && lowerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
                return false;
        }
        return true;
    }

    /// <summary>"I’m", "They're", "We'd": an apostrophe followed by lower case after a short word. "O'Neil" keeps its capital.</summary>
    private static bool IsContraction(ReadOnlySpan<char> w)
    {
        int p = w.IndexOfAny('\'', '\u2019');
        return p > 0 && p + 1 < w.Length && char.IsLower(w[p + 1]);
    }

    private static bool IsOpeningMark(string text, IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Punctuation && text[tokens[i].Start] is '"' or '\u201C' or '\u2018' or '(' or '\'' or ':';

    /// <summary>Extends a run over capitalised words, connectors between them ("of", "and") and a hyphen split by a
    /// stray space ("Millian- Vazquez"). Returns the index of the run's last name token.</summary>
    private static int ExtendRun(string text, IReadOnlyList<Token> tokens, int start, int end)
    {
        int last = start, j = start + 1;
        while (j < end)
        {
            var t = tokens[j];
            var w = text.AsSpan(t.Start, t.Length);
            if (IsNameToken(t) && !MonthsAndDays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                && tokens[j - 1].End < t.Start + 1 && NoBreak(text, tokens[j - 1].End, t.Start))
            {
                last = j; j++; continue;
            }
            bool nextIsName = j + 1 < end && IsNameToken(tokens[j + 1]) && NoBreak(text, t.End, tokens[j + 1].Start);
            // A connector joins words of one name, but "and" before an acronym joins two ("Coast Guard and HTA").
            if (t.Kind == TokenKind.Word && nextIsName && EntityLexicon.Connectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                && !(w is "and" && (tokens[j + 1].Shape & TokenShape.AllCaps) != 0))
            { j++; continue; }
            if (w is "-" && t.Start == tokens[j - 1].End && nextIsName) { j++; continue; }
            break;
        }
        return last;
    }

    /// <summary>"KS/MO Dreamers Alliance": names joined by a slash with no space around it open one organisation when the
    /// run after the slash ends on an organisation's head ("Alliance", "Department"); otherwise ("the Kansas/Missouri
    /// border") the slash parts two names. Returns the run's new last token.</summary>
    private static int SlashedOrgName(string text, IReadOnlyList<Token> tokens, int last, int end)
    {
        while (last + 2 < end && text[tokens[last + 1].Start] == '/' && tokens[last + 1].Length == 1
            && tokens[last + 1].Start == tokens[last].End && tokens[last + 2].Start == tokens[last + 1].End && IsNameToken(tokens[last + 2]))
        {
            int next = ExtendRun(text, tokens, last + 2, end);
            if (next == last + 2 || !EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[next]))) break;
            last = next;
        }
        return last;
    }

    private static bool NoBreak(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (text[i] == '\n') return false;
        return to - from <= 2;
    }

    private void EmitRun(Document doc, int a, int b, int sentenceEnd, List<EntityMention> output, ModelLabels model, Sentence sentence)
    {
        var text = doc.Text;
        IReadOnlyList<Token> tokens = doc.Tokens; // boxed once, not at every helper call

        // Titles inside the run: "KCPD Public Relations Specialist Sarah Boyd", "Mayor Sly James".
        int titleAt = -1;
        for (int k = b; k >= a; k--)
            if (EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k]))) { titleAt = k; break; }
        // "General Motors", "General Electric": a title word opening a run that ends on an organisation head is part of the
        // organisation's name, not a title.
        if (titleAt == a && b > a && EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[b])))
            titleAt = -1;
        if (titleAt >= 0)
        {
            // Stacked titles ("Lt. Cmdr.") belong together; the affiliation before them is an organisation of its own
            // ("KCPD" in "KCPD Chief Rick Smith", "Coast Guard" in "Coast Guard Lt. Cmdr. Priya Nandakumar").
            int firstTitle = titleAt;
            while (firstTitle > a && EntityLexicon.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[firstTitle - 1])))
                firstTitle--;
            // The affiliation ends on its organisation's head: "Port Alden Police Public Information Specialist" is the
            // Port Alden Police's public information specialist, not an organisation "Port Alden Police Public Information".
            // A connector after the head keeps the whole affiliation: "Federal Bureau of Investigation Director James Comey".
            int affiliationEnd = firstTitle - 1;
            for (int k = firstTitle - 1; k > a && char.IsUpper(text[tokens[k].Start]); k--)
                if (EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k])))
                {
                    affiliationEnd = k;
                    break;
                }
            if (firstTitle > a) EmitTyped(doc, a, affiliationEnd, sentenceEnd, null, output, model, sentence, affiliation: true);
            if (titleAt < b)
            {
                var title = text[tokens[a].Start..tokens[titleAt].End];
                EmitTyped(doc, titleAt + 1, b, sentenceEnd, title, output, model, sentence);
            }
            return;
        }

        // A lower-case role right before the run: "ICE spokesman Shawn Neudauer".
        string? role = null;
        if (a > 0 && tokens[a - 1].Kind == TokenKind.Word && EntityLexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[a - 1]))
            && char.IsLower(text[tokens[a - 1].Start]))
            role = Word(text, tokens[a - 1]).ToString();
        EmitTyped(doc, a, b, sentenceEnd, role, output, model, sentence);
    }

    private void EmitTyped(Document doc, int a, int b, int sentenceEnd, string? title, List<EntityMention> output, ModelLabels model, Sentence sentence,
        bool affiliation = false)
    {
        var text = doc.Text;
        IReadOnlyList<Token> tokens = doc.Tokens; // boxed once, not at every helper call
        // "General Counsel", "Deputy Director": a title over a role word is an office, not a named person.
        if (a == b && title is not null && IsRoleWord(text, tokens[a])) return;
        bool hasConnector = false, hasOrgHead = false;
        for (int k = a; k <= b; k++)
        {
            var w = Word(text, tokens[k]);
            if (!IsNameToken(tokens[k]) && tokens[k].Kind == TokenKind.Word) hasConnector = true;
            if (EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) hasOrgHead = true;
        }
        bool acronymFollows = AcronymInParentheses(text, tokens, b, sentenceEnd);

        // "The Wealth of Nations", "The Life of the Mind": "The" with a connector and no organisation head is a work's title,
        // one thing, not an organisation and a place.
        if (hasConnector && !hasOrgHead && !acronymFollows && b > a + 2 && Word(text, tokens[a]) is "The" && Word(text, tokens[a + 2]) is "of"
            && title is null && !affiliation && !Joins(text, tokens, a, b))
        {
            output.Add(new EntityMention(tokens[a].Start, tokens[b].End, EntityType.Other));
            return;
        }
        // Connectors are only kept inside organisation names; otherwise the run splits at them.
        if (hasConnector && !hasOrgHead && !acronymFollows)
        {
            int s = a;
            for (int k = a; k <= b + 1; k++)
            {
                if (k == b + 1 || (!IsNameToken(tokens[k]) && tokens[k].Kind == TokenKind.Word))
                {
                    if (k - 1 >= s) EmitTyped(doc, s, k - 1, sentenceEnd, s == a ? title : null, output, model, sentence, affiliation);
                    s = k + 1;
                }
            }
            return;
        }

        // "the British Library and Columbia University": an organisation's head keeps the connectors of its run, but not
        // an "and" where the tagger, which knows the names, ended one name and began another. "Department of Housing and
        // Urban Development" stays whole: nothing begins at "Urban".
        if (hasConnector && !acronymFollows && model.Present)
            for (int k = a + 1; k < b; k++)
                if (Word(text, tokens[k]) is "and" && !OrgNameLists.KeepsAnd(text, tokens, a, k, b, lexicon)
                    && model.PartsAt(k, EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k + 1]))))
                {
                    EmitTyped(doc, a, k - 1, sentenceEnd, title, output, model, sentence, affiliation);
                    EmitTyped(doc, k + 1, b, sentenceEnd, null, output, model, sentence, affiliation);
                    return;
                }

        // "U.S. Spencer Platt", "from the U.S. Millan-Vazquez": a leading country initialism before a name that is
        // not an organisation is a separate place.
        if (b > a && !hasOrgHead && !acronymFollows && Word(text, tokens[a]) is "U.S." or "U.K.")
        {
            output.Add(new EntityMention(tokens[a].Start, tokens[a].End, EntityType.Place));
            EmitTyped(doc, a + 1, b, sentenceEnd, title, output, model, sentence, affiliation);
            return;
        }
        var type = Classify(doc, a, b, sentenceEnd, title, hasOrgHead, acronymFollows, affiliation, model, sentence);
        if (type is null) return;
        if (type == EntityType.Other && a == b && (tokens[a].Shape & TokenShape.AllCaps) != 0 && AcronymAmongOrgs(text, tokens, a, sentenceEnd, output))
            type = EntityType.Org;
        if (type == EntityType.Person && b > a) model.Surnames.Add(Word(text, tokens[b]).ToString());
        output.Add(new EntityMention(tokens[a].Start, tokens[b].End, type.Value, title));
    }

    private EntityType? Classify(Document doc, int a, int b, int sentenceEnd, string? title, bool hasOrgHead, bool acronymFollows, bool affiliation,
        ModelLabels model, Sentence sentence)
    {
        var text = doc.Text;
        IReadOnlyList<Token> tokens = doc.Tokens; // boxed once, not at every helper call
        var weak = model.Weak;
        int start = tokens[a].Start;
        var span = text.AsSpan(tokens[a].Start, tokens[b].End - tokens[a].Start);
        var first = Word(text, tokens[a]);
        var lastWord = Word(text, tokens[b]);
        int count = b - a + 1;
        bool singleAcronym = count == 1 && (tokens[a].Shape & TokenShape.AllCaps) != 0;
        // Rules whose evidence the tagger may overrule (a lone acronym, a small-gazetteer place, first name + surname):
        // as strong rules they cost F1 on GUM and UNER EWT dev (see AddModelMentions). Next to a speech verb, or as an
        // acronym of three letters or more, the mention stays when the tagger tags nothing there ("…," Ray Tolliver said).
        EntityType? Weak(EntityType? type)
        {
            if (type is null || weak is null) return type;
            weak.Add(start);
            if (!NearSpeechVerb(text, tokens, a, b, sentenceEnd) && !(singleAcronym && tokens[a].Length >= 3)) weak.Add(~start);
            return type;
        }

        if (first.SequenceEqual("The") && count > 1) return EntityType.Org;
        if (count == 1 && ListLabel(text, tokens, a, sentenceEnd, model.LowerWords)) return null;
        // "the tug Marguerite K": vessels, products and works are things, whatever their words look like.
        if (AfterThingNoun(text, tokens, a) && title is null && !affiliation) return EntityType.Other;
        bool allCaps = true;
        for (int k = a; k <= b; k++) if ((tokens[k].Shape & TokenShape.AllCaps) == 0) allCaps = false;
        if (allCaps && count > 1)
            // Datelines and shouted headings ("KANSAS CITY"): only a gazetteer place is trusted.
            return lexicon.PlaceLookup.Contains(ShoutedLines.TitleCase(span, span.Length <= 64 ? stackalloc char[64] : new char[span.Length]))
                ? EntityType.Place : null;
        if (count == 1 && EntityLexicon.UsStateCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)) return EntityType.Place;
        // "US", "U.S.", "UK", "Calif.": the press forms of major places, unless the whole sentence is shouted.
        if (count == 1 && lexicon.MajorPlaceLookup.Contains(first) && !(singleAcronym && ShoutedAround(text, tokens, a, sentence))) return EntityType.Place;
        // A lone head word ("the Department", "the Board") refers back to a named body; it is not a name itself.
        if (count == 1 && hasOrgHead && !EntityLexicon.KnownOrgs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first))
            return model.TypeOf(a, b) == EntityType.Org && a > 0 && Word(text, tokens[a - 1]) is "the" ? EntityType.Org : null;
        if (hasOrgHead || acronymFollows) return EntityType.Org;
        if (count > 1 && lexicon.DesignatorLookup.Contains(lastWord)) return EntityType.Org;
        if (singleAcronym)
            return Weak(EntityLexicon.NotAcronyms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) ? null
                : lexicon.PlaceLookup.Contains(first) ? EntityType.Place
                // Capitals alone do not make an organisation: shouted words ("FREE", "WHEREAS") and the acronyms of
                // things ("DVD", "IPO", "BC") are capitals too. Where the tagger, which weighs the context, took the
                // word for no name at all, it stays untyped for the story stage (a defined acronym joins its long form).
                // Not a sentence's first word: with no context on its left the tagger's silence there is no evidence,
                // and an acronym opening a sentence is most often the organisation acting ("KCPD closed the road").
                : model.Present && !model.Any(a, b) && !EntityLexicon.KnownOrgs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)
                    && !((a == sentence.FirstToken || IsOpeningMark(text, tokens, a - 1)) && !ShoutedAround(text, tokens, a, sentence)
                        && ActsAsAcronym(text, tokens, a, sentence)) ? EntityType.Other
                : EntityType.Org);
        // A small town's name is often a surname too ("Norton"): the tagger's PERSON wins over the gazetteer there,
        // not over countries, states and big cities.
        // Countries, states and big cities stay places whatever the tagger says ("trade between the United States and …"
        // left untagged by it). Dropping those it left untagged scored higher on GUM dev only because GUM's spans hold
        // "the" ("the Netherlands"): the report would lose real places.
        if (lexicon.MajorPlaceLookup.Contains(span)) return EntityType.Place;
        if (lexicon.PlaceLookup.Contains(span) && model.TypeOf(a, b) != EntityType.Person) return Weak(EntityType.Place);
        if (count > 1 && PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord) && title is null) return EntityType.Place;
        if (OtherHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord) && !affiliation) return EntityType.Other;
        if (count > 1 && !affiliation && PlacePrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) && title is null) return EntityType.Place;
        // An affiliation before a title ("Kansas City Missouri Police Chief", "Port Alden Fire Chief") that is neither
        // acronym, organisation nor place is dropped rather than guessed.
        if (affiliation) return null;
        if (OtherHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord)) return EntityType.Other;
        if (title is not null) return EntityType.Person;
        // "Northrop Grumman said its …": what speaks of "its" is an organisation, whatever its first word looks like.
        bool its = b + 2 < sentenceEnd && SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[b + 1]))
            && Word(text, tokens[b + 2]) is "its";
        if (count > 1 && its) return EntityType.Org;
        // A first name opens many product and company names ("Mac OS X"): a person's later words are not acronyms.
        // Nor does a bare letter end one by itself (the tug "Marguerite K"; "John F." keeps its period): the tagger decides.
        // Nor when the tagger, weighing the whole context, took exactly this run for an organisation ("Penn State", "the
        // Washington Monthly"): a first name is weak evidence, and a company called a person is the worst error.
        if (count > 1 && lexicon.FirstNameLookup.Contains(first) && !AcronymAfterFirst(text, tokens, a, b) && !BareLetterLast(text, tokens, b, sentenceEnd)
            && model.TypeOf(a, b) != EntityType.Org)
            return Weak(EntityType.Person);
        if (FollowedByAge(text, tokens, b, sentenceEnd) || FollowedByRole(text, tokens, b, sentenceEnd)) return EntityType.Person;
        // From here the rules' evidence is weak (a neighbouring word), so the tagger, which weighs the whole context,
        // decides when it tagged exactly this span: "Apple said" is an organisation, "Chrysler Group" too. Its PLACE for
        // an unknown run without a locative ("Cheyenne Hoyt") was wrong more often than right on the seeds, and a lone
        // word the document already used as a surname stays with the rules (the story stage links it to the person).
        bool locative = a > 0 && Locatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[a - 1]))
            // "in Dutch universities", "in English", "in Section 7": a language, a people's adjective or a numbered part
            // is no place.
            && !(count == 1 && lexicon.DemonymLookup.Contains(first)) && !(b + 1 < sentenceEnd && tokens[b + 1].Kind == TokenKind.Number);
        bool surname = count == 1 && model.Surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first);
        var tagged = surname ? null : model.TypeOf(a, b);
        if (tagged == EntityType.Place && !PlaceContext(text, tokens, a, sentence) && !(count == 1 && LonePlace(text, tokens[a]))) tagged = null;
        if (tagged == EntityType.Place && count == 1 && lexicon.DemonymLookup.Contains(first)) tagged = null;
        if (tagged == EntityType.Person && (AcronymAfterFirst(text, tokens, a, b) || count > 1 && BareLetterLast(text, tokens, b, sentenceEnd))) tagged = null;
        // A lone head word ("the entire City", "the Bridge") refers back to a name; it is not one.
        bool loneHead = count == 1 && PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first);
        if (loneHead) tagged = null;
        bool initial = a == sentence.FirstToken || IsOpeningMark(text, tokens, a - 1);
        // A lone capitalised word opening a sentence that the tagger did not take for a name ("None", "Drivers",
        // "Local") is a common word.
        if (count == 1 && initial && !surname && !its && model.Present && !model.Any(a, b) && (tokens[a].Shape & TokenShape.AllCaps) == 0) return null;
        bool speech = NearSpeechVerb(text, tokens, a, b, sentenceEnd);
        // Hard constraints the tagger does not overrule: what speaks of "its" is an organisation, a name after a locative
        // a place (unless the tagger makes it an organisation: "at Boeing"), a surname of a person already named stays hers.
        if (its) return EntityType.Org;
        if (locative && tagged != EntityType.Org && Word(text, tokens[a - 1]) is not "at") return EntityType.Place;
        // "…, Ford said", "Chrysler said", "Boeing said": companies speak too. A lone name by a speech verb is a person
        // only on person evidence (a person of that surname already named, a title or role, "he"/"she" or ", who" right
        // after it), whatever the tagger says; else it stays untyped, and the story stage types it from the name's other
        // mentions (a surname linked to a person named in full).
        if (count == 1 && speech && !surname && tagged is null or EntityType.Person && !PersonWordAfter(text, tokens, b, sentenceEnd))
            return EntityType.Other;
        // Nor does the tagger type such a head word later ("the entire City" is no organisation).
        if (!surname && !loneHead) Weak(EntityType.Other);
        // A lone word takes the tagger's type only where the rules had some evidence to overrule; alone it stays
        // untyped, as before (the story stage types or drops it).
        if (tagged is { } t) return t;
        // "at" is as often an organisation ("at Chrysler", "at Harvard") as a place: no evidence of either.
        if (locative && Word(text, tokens[a - 1]) is not "at") return EntityType.Place;
        if (speech) return EntityType.Person;
        // No evidence either way: the story stage retypes it from its merged mentions (a surname linked to a person)
        // or drops it.
        return EntityType.Other;
    }

    /// <summary>"- Acronym: …", "* Dates: …": a lone word opening a list item before a colon is the item's label, not a
    /// name (a line opening with a name and a colon without the bullet, "Obama: …", is a headline's speaker). Only a
    /// common word is a label: one of <see cref="LabelWords"/> or one the document also writes in lower case; a name
    /// heading a poll or roundup item ("- Clinton: 46 percent") stays a name.</summary>
    private static bool ListLabel(string text, IReadOnlyList<Token> tokens, int a, int end, HashSet<string> lowerWords)
    {
        if (a == 0 || a + 1 >= end || text[tokens[a + 1].Start] != ':' || tokens[a - 1].Length != 1 || text[tokens[a - 1].Start] is not ('-' or '*' or '\u2022'))
            return false;
        for (int i = tokens[a - 1].Start - 1; i >= 0; i--)
        {
            if (text[i] == '\n') break;
            if (text[i] is not (' ' or '\t')) return false;
        }
        var word = Word(text, tokens[a]);
        if (LabelWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        Span<char> lower = stackalloc char[32];
        return word.Length <= lower.Length && word.ToLowerInvariant(lower) == word.Length
            && lowerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..word.Length]);
    }

    /// <summary>Labels of list items in notes and fact boxes ("- Dates: …", "* Source: …").</summary>
    private static readonly FrozenSet<string> LabelWords = new[]
    {
        "Acronym", "Acronyms", "Date", "Dates", "Time", "Times", "Location", "Locations", "Place", "Places", "Note", "Notes",
        "Update", "Updates", "Source", "Sources", "Summary", "Background", "Context", "Status", "Contact", "Email", "Phone",
        "Website", "Category", "Topic", "Subject", "Tags", "Keywords", "Correction", "Corrections", "Author", "Editor",
        "Photo", "Credit", "Related", "Result", "Results", "Figures", "Numbers", "Names", "Quote", "Quotes", "Claim",
        "Claims", "Facts", "Address", "Venue", "Cost", "Price", "Total", "Score", "Outcome", "Reason", "Question", "Answer",
        "Example", "Examples", "Warning", "Tip", "Tips", "Details", "Findings", "Timeline", "Agenda", "Format", "Language",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Context that lets the tagger's PLACE stand for a name the rules cannot type: a locative right before it
    /// ("in Fallujah"), also past "the" ("in the U.S") or capitalised at a sentence's start ("In Fallujah, …").</summary>
    private static bool PlaceContext(string text, IReadOnlyList<Token> tokens, int a, Sentence sentence)
    {
        var locatives = Locatives.GetAlternateLookup<ReadOnlySpan<char>>();
        int k = a - 1;
        if (k > sentence.FirstToken && Word(text, tokens[k]) is "the") k--;
        if (k < sentence.FirstToken) return false;
        var w = Word(text, tokens[k]);
        if (locatives.Contains(w)) return true;
        Span<char> lower = stackalloc char[16];
        return k == sentence.FirstToken && w.Length <= lower.Length && w.ToLowerInvariant(lower) == w.Length && locatives.Contains(lower[..w.Length]);
    }

    /// <summary>A sentence-opening all-caps word that reads as an organisation acting ("KCPD closed the road"): short, as
    /// acronyms are, and followed by a lower-case word (or a comma and one: "ICE, the spokesperson said, …"), not a shouted
    /// word standing alone ("WOW !", "WONDERFUL service"). A lower-case word right after it reads as the organisation's
    /// verb ("closed", "says", "will"), not as the noun a shouted adjective goes with ("FREE delivery").</summary>
    private static bool ActsAsAcronym(string text, IReadOnlyList<Token> tokens, int a, Sentence sentence) =>
        tokens[a].Length <= 5 && a + 2 < sentence.EndToken
        && (tokens[a + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[a + 1].Start]) && ReadsAsVerb(Word(text, tokens[a + 1]))
            || text[tokens[a + 1].Start] == ',' && tokens[a + 2].Kind == TokenKind.Word && char.IsLower(text[tokens[a + 2].Start]));

    private static bool ReadsAsVerb(ReadOnlySpan<char> w) =>
        w.EndsWith("ed") || w.EndsWith("s") && !w.EndsWith("ss") && w.Length > 2
        || Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "is", "was", "will", "would", "can", "could", "should", "may", "might", "must", "had", "did", "does", "do", "has",
        "have", "are", "were", "said", "says", "told", "sent", "made", "took", "found", "set", "put", "cut", "paid", "won",
        "lost", "met", "led", "left", "held", "got", "gave", "began", "chose", "wrote", "spent", "sold", "bought", "also",
        "then", "now", "still", "later", "again", "already", "never", "just",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A lone word the tagger may call a place without a locative: no demonym ("AUSTRALIAN"), no first name.</summary>
    private bool LonePlace(string text, Token t)
    {
        var w = Word(text, t);
        if (lexicon.FirstNameLookup.Contains(w)) return false;
        if ((t.Shape & TokenShape.AllCaps) == 0) return !lexicon.DemonymLookup.Contains(w);
        return w.Length <= 32 && !lexicon.DemonymLookup.Contains(ShoutedLines.TitleCase(w, stackalloc char[32]));
    }

    /// <summary>An acronym in an organisation's company: joined to the organisation just named ("the Coast Guard and
    /// HTA") or credited in a dateline ("KANSAS CITY, MO (KXYZ) --").</summary>
    private static bool AcronymAmongOrgs(string text, IReadOnlyList<Token> tokens, int a, int end, List<EntityMention> output)
    {
        if (a >= 2 && Word(text, tokens[a - 1]) is "and" or "or" or "&" && output.Count > 0
            && output[^1].Type == EntityType.Org && output[^1].End == tokens[a - 2].End) return true;
        return a >= 1 && a + 2 < end && text[tokens[a - 1].Start] == '(' && text[tokens[a + 1].Start] == ')'
            && Word(text, tokens[a + 2]) is "--" or "\u2014" or "\u2013" or "-";
    }

    /// <summary>Whether the run ends on a single capital letter with no period after it ("Marguerite K", not "John F.").</summary>
    private static bool BareLetterLast(string text, IReadOnlyList<Token> tokens, int b, int end) =>
        tokens[b].Length == 1 && char.IsUpper(text[tokens[b].Start]) && !(b + 1 < end && text[tokens[b + 1].Start] == '.' && tokens[b + 1].Start == tokens[b].End);

    /// <summary>Whether a word after the first of a mixed-case run is an acronym of two letters or more ("Mac OS X",
    /// "Windows NT"): no person's name holds one (Roman numerals aside: "Martin Luther King III").</summary>
    private static bool AcronymAfterFirst(string text, IReadOnlyList<Token> tokens, int a, int b)
    {
        if ((tokens[a].Shape & TokenShape.AllCaps) != 0) return false;
        for (int k = a + 1; k <= b; k++)
        {
            if ((tokens[k].Shape & TokenShape.AllCaps) == 0 || tokens[k].Length < 2 || tokens[k].Kind != TokenKind.Word) continue;
            if (!Word(text, tokens[k]).ContainsAnyExcept("IVX")) continue;
            return true;
        }
        return false;
    }

    /// <summary>Whether the words around token <paramref name="a"/> are capitals too (a shouted line, where "US" is "us").</summary>
    private static bool ShoutedAround(string text, IReadOnlyList<Token> tokens, int a, Sentence s)
    {
        int words = 0, caps = 0;
        for (int k = Math.Max(s.FirstToken, a - 3); k < Math.Min(s.EndToken, a + 4); k++)
        {
            if (k == a || tokens[k].Kind != TokenKind.Word || tokens[k].Length < 2) continue;
            words++;
            if ((tokens[k].Shape & TokenShape.AllCaps) != 0) caps++;
        }
        return words > 0 && caps * 2 > words;
    }

    /// <summary>"Florencio Millan-Vazquez, 32," — a number between commas right after a name is an age.</summary>
    private static bool FollowedByAge(string text, IReadOnlyList<Token> tokens, int b, int end) =>
        b + 3 < end && text[tokens[b + 1].Start] == ',' && tokens[b + 2].Kind == TokenKind.Number && tokens[b + 2].Length <= 3
        && text[tokens[b + 3].Start] == ',';

    /// <summary>"Cheyenne Hoyt, partner arrested by ICE" / "Geoff Jolley, Indian Mound resident": an apposition
    /// whose first few words hold a role noun.</summary>
    private static bool FollowedByRole(string text, IReadOnlyList<Token> tokens, int b, int end)
    {
        if (b + 2 >= end || text[tokens[b + 1].Start] != ',') return false;
        for (int k = b + 2; k < Math.Min(end, b + 6); k++)
            if (EntityLexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[k]))) return true;
        return false;
    }

    private static bool IsRoleWord(string text, Token t)
    {
        Span<char> lower = stackalloc char[24];
        if (t.Length > lower.Length) return false;
        int n = text.AsSpan(t.Start, t.Length).ToLowerInvariant(lower);
        return n > 0 && EntityLexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..n]);
    }

    /// <summary>"Tolliver said he …", "said Tolliver, who …": "he"/"she" right after the name's speech verb, or ", who" right
    /// after the name (companies are "it"; a "who" or "he" further on may be anyone's: "Toyota said dealers who …").</summary>
    private static bool PersonWordAfter(string text, IReadOnlyList<Token> tokens, int b, int end)
    {
        if (b + 2 >= end) return false;
        var next = Word(text, tokens[b + 1]);
        var then = Word(text, tokens[b + 2]);
        return next is "," && then is "who"
            || SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next) && then is "he" or "she";
    }

    private static bool NearSpeechVerb(string text, IReadOnlyList<Token> tokens, int a, int b, int end)
    {
        if (b + 1 < end && SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[b + 1]))) return true;
        // "…," said Neudauer
        return a > 0 && SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, tokens[a - 1]));
    }

    /// <summary>Whether an "and", "or" or "&amp;" joins words of the run a..b ("The Hague and Rotterdam").</summary>
    private static bool Joins(string text, IReadOnlyList<Token> tokens, int a, int b)
    {
        for (int k = a + 1; k < b; k++) if (Word(text, tokens[k]) is "and" or "or" or "&") return true;
        return false;
    }

    private static bool AcronymInParentheses(string text, IReadOnlyList<Token> tokens, int b, int end) =>
        b + 3 < end && text[tokens[b + 1].Start] == '(' && (tokens[b + 2].Shape & TokenShape.AllCaps) != 0
        && text[tokens[b + 3].Start] == ')';

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
}
