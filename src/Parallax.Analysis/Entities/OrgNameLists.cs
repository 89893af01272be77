using System.Collections.Frozen;
using Parallax.Model;

namespace Parallax.Analysis.Entities;

/// <summary>
/// "U.S. Department of Housing and Urban Development", "Bureau of Alcohol, Tobacco and Firearms": an institution's head
/// followed by "of" (or "for", "on") names one body whose subject is a list; its "and" and commas do not part two names,
/// whatever the tagger does. A hard constraint of the recognizer, checked in constant work per "and" or comma.
/// </summary>
internal static class OrgNameLists
{
    /// <summary>Heads of public bodies named by their remit. Not "University" or "College" ("University of Maryland and
    /// Georgetown" are two), nor company heads.</summary>
    private static readonly FrozenSet<string> Heads = new[]
    {
        "Department", "Dept.", "Departments", "Bureau", "Office", "Ministry", "Institute", "Institutes", "Administration",
        "Agency", "Commission", "Committee", "Council", "Board", "Division", "Center", "Centre", "Centers", "Centres",
        "Secretariat", "Directorate", "Federation", "Association", "Society", "Authority",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The subjects public bodies are named by ("Housing", "Urban Development", "Alcohol, Tobacco and Firearms",
    /// "Standards and Technology", "Health and Human Services"). A list item must be one of these: a company, a person or
    /// another body after "and" is a second name ("the Department of Justice and Microsoft", "the Department of Defense,
    /// Lockheed Martin and Raytheon", "the Department of Justice, Eric Holder and …").</summary>
    private static readonly FrozenSet<string> RemitWords = new[]
    {
        "Affairs", "Aeronautics", "Aging", "Agriculture", "Alcohol", "Arts", "Atmospheric", "Aviation", "Border", "Budget",
        "Business", "Change", "Children", "Civil", "Climate", "Commerce", "Communications", "Communities", "Competition",
        "Consumer", "Control", "Culture", "Customs", "Defence", "Defense", "Development", "Digital", "Disease", "Diseases",
        "Drug", "Drugs", "Economic", "Economy", "Education", "Elections", "Emergency", "Employment", "Energy",
        "Enforcement", "Environment", "Environmental", "Equality", "Explosives", "Families", "Family", "Finance", "Firearms",
        "Fisheries", "Food", "Foreign", "Forestry", "Forests", "Health", "Heritage", "Home", "Housing", "Human",
        "Immigration", "Industry", "Information", "Infrastructure", "Innovation", "Insurance", "Interior", "Justice",
        "Labor", "Labour", "Land", "Lands", "Management", "Marine", "Markets", "Measures", "Media", "Mines", "Mining",
        "Natural", "Naturalization", "Nuclear", "Oceanic", "Parks", "Pensions", "Planning", "Policy", "Prevention",
        "Protection", "Public", "Recreation", "Regulation", "Relief", "Research", "Resources", "Revenue", "Rights",
        "Rural", "Safety", "Science", "Sciences", "Security", "Services", "Social", "Space", "Sport", "Sports",
        "Standards", "Statistics", "Technology", "Tobacco", "Tourism", "Trade", "Training", "Transport",
        "Transportation", "Urban", "Veterans", "Water", "Weights", "Welfare", "Wildlife", "Work", "Works", "Youth",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxConjunct = 3;

    /// <summary>How far before the list a head may stand ("Bureau of Alcohol, Tobacco": 4 tokens).</summary>
    private const int Reach = 8;

    /// <summary>The last token of the run <paramref name="start"/>..<paramref name="last"/> extended over a comma list
    /// that ends in "and" ("Bureau of Alcohol, Tobacco and Firearms"), when the run holds a head followed by "of";
    /// otherwise <paramref name="last"/>.</summary>
    public static int Extend(string text, IReadOnlyList<Token> tokens, int start, int last, int end, EntityLexicon lexicon)
    {
        if (last + 2 >= end || text[tokens[last + 1].Start] != ',' || OfAfterHead(text, tokens, start, last) < 0) return last;
        int j = last + 1;
        // (", " Item)* [","] "and" Item, each item one or two capitalised words that are not acronyms.
        while (j < end && text[tokens[j].Start] == ',' && tokens[j].Length == 1)
        {
            int item = Item(text, tokens, j + 1, end, lexicon);
            if (item < 0) return j + 1 < end && Word(text, tokens[j + 1]) is "and" ? AfterAnd(text, tokens, j + 1, end, last, lexicon) : last;
            j = item + 1;
            if (j < end && Word(text, tokens[j]) is "and") return AfterAnd(text, tokens, j, end, last, lexicon);
        }
        return last;
    }

    /// <summary>Whether the "and" at token <paramref name="k"/> of the run a..b is inside one body's name: a head and
    /// "of" come before it and a short conjunct that is no name of its own follows ("… of Housing and Urban
    /// Development", not "… of Justice and Columbia University").</summary>
    public static bool KeepsAnd(string text, IReadOnlyList<Token> tokens, int a, int k, int b, EntityLexicon lexicon)
    {
        if (OfAfterHead(text, tokens, a, k - 1) < 0 || b - k > MaxConjunct) return false;
        for (int t = k + 1; t <= b; t++)
            if (!Plain(text, tokens[t], lexicon)) return false;
        return true;
    }

    private static int AfterAnd(string text, IReadOnlyList<Token> tokens, int and, int end, int fallback, EntityLexicon lexicon)
    {
        int item = Item(text, tokens, and + 1, end, lexicon);
        if (item < 0) return fallback;
        // The conjunct may run to three words ("… and Urban Development Affairs"), all plain.
        int last = item;
        while (last + 1 < end && last + 1 - and <= MaxConjunct && Plain(text, tokens[last + 1], lexicon) && tokens[last].End + 1 >= tokens[last + 1].Start)
            last++;
        return last - and <= MaxConjunct ? last : fallback;
    }

    /// <summary>The last token of a one- or two-word plain item at <paramref name="t"/>, or -1.</summary>
    private static int Item(string text, IReadOnlyList<Token> tokens, int t, int end, EntityLexicon lexicon)
    {
        if (t >= end || !Plain(text, tokens[t], lexicon)) return -1;
        return t + 1 < end && Plain(text, tokens[t + 1], lexicon) && tokens[t].End + 1 >= tokens[t + 1].Start ? t + 1 : t;
    }

    /// <summary>A capitalised word that is no acronym, no organisation's head (which would make a second body) and no major
    /// place ("the Ministry of Defence, Britain and France" are three), and names a remit (<see cref="RemitWords"/>).</summary>
    private static bool Plain(string text, Token t, EntityLexicon lexicon) =>
        t.Kind == TokenKind.Word && (t.Shape & TokenShape.Capitalized) != 0 && (t.Shape & TokenShape.AllCaps) == 0
        && RemitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, t))
        && !EntityLexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Word(text, t))
        && !lexicon.MajorPlaceLookup.Contains(Word(text, t));

    /// <summary>The index of an "of"/"for"/"on" right after a head within a..b and at most <see cref="Reach"/> tokens
    /// before b (bounded work per call, whatever the run's length), or -1.</summary>
    private static int OfAfterHead(string text, IReadOnlyList<Token> tokens, int a, int b)
    {
        var heads = Heads.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = b - 1; t >= a && t >= b - Reach; t--)
            if (heads.Contains(Word(text, tokens[t])) && Word(text, tokens[t + 1]) is "of" or "for" or "on") return t + 1;
        return -1;
    }

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
}
