using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Parallax.Eval.Facts;

/// <summary>One claim of a judged fact as the audit file names it: its report and its own few words ("about 25 minutes").</summary>
public sealed record AuditQuote(string Doc, string Words);

/// <summary>
/// One judged fact of an audit file: the sub-topic (ECB+ "12ecb" / "20ecbplus"), the status the report showed it with
/// (disputed, updated or agreed), its label, its claims' words, and the verdict a reader gave after reading each claim's
/// sentence: for a disputed or updated fact "real" is a real disagreement, for an agreed one a real agreement (one
/// quantity, not different quantities merged). <paramref name="Cause"/> names why a false one is false.
/// </summary>
public sealed record AuditRow(int Line, string Subtopic, string Status, string Fact, ImmutableArray<AuditQuote> Values, bool Real, string Cause)
{
    /// <summary>"disagreement" for disputed and updated facts, "agreement" for agreed ones: a shown fact is judged only
    /// by rows of its own side.</summary>
    public string? Side => FactAudit.SideOf(Status);
}

/// <summary>
/// An audit file (eval/ecbplus-disputes-audit.tsv): tab-separated, a header naming the columns, one judged fact a row.
/// Columns are found by name (<c>subtopic</c>, <c>status</c>, <c>fact</c>, <c>values</c>, <c>verdict</c>, <c>cause</c>), so
/// columns may be added. <c>values</c> is <c>doc:"words" | doc:"words"</c>. A bad row is reported (file and line) and skipped.
/// </summary>
public sealed record FactAuditFile(ImmutableArray<AuditRow> Rows, ImmutableArray<string> Problems)
{
    private static readonly string[] Required = ["subtopic", "status", "values", "verdict"];

    /// <summary>The sub-topics the file names, in order of first mention.</summary>
    public IEnumerable<string> Subtopics => Rows.Select(r => r.Subtopic).Distinct(StringComparer.Ordinal);

    public static FactAuditFile Parse(string text, string origin)
    {
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        if (Required.FirstOrDefault(c => Col(c) < 0) is { } missing)
            throw new FormatException($"{origin}:1: the header has no \"{missing}\" column (needs {string.Join(", ", Required)})");
        int sub = Col("subtopic"), status = Col("status"), fact = Col("fact"), values = Col("values"), verdict = Col("verdict"), cause = Col("cause");
        var rows = ImmutableArray.CreateBuilder<AuditRow>();
        var problems = ImmutableArray.CreateBuilder<string>();
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            string Cell(int c) => c >= 0 && c < cells.Length ? cells[c].Trim() : "";
            string where = $"{origin}:{i + 1}";
            if (Cell(verdict) is not ("real" or "false"))
            {
                problems.Add($"{where}: verdict must be \"real\" or \"false\", not \"{Cell(verdict)}\"; row skipped");
                continue;
            }
            if (FactAudit.SideOf(Cell(status)) is null)
            {
                problems.Add($"{where}: status must be disputed, updated or agreed, not \"{Cell(status)}\"; row skipped");
                continue;
            }
            if (Cell(sub).Length == 0)
            {
                problems.Add($"{where}: no sub-topic; row skipped");
                continue;
            }
            var quotes = ParseValues(Cell(values));
            if (quotes.IsDefaultOrEmpty)
            {
                problems.Add($"{where}: values must be doc:\"words\" | doc:\"words\"; row skipped");
                continue;
            }
            rows.Add(new AuditRow(i + 1, Cell(sub), Cell(status), Cell(fact), quotes, Cell(verdict) == "real", Cell(cause)));
        }
        return new FactAuditFile(rows.ToImmutable(), problems.ToImmutable());
    }

    /// <summary><c>doc:"words" | doc:"words"</c>, or default when any part does not have that shape.</summary>
    private static ImmutableArray<AuditQuote> ParseValues(string cell)
    {
        var result = ImmutableArray.CreateBuilder<AuditQuote>();
        foreach (var part in cell.Split(" | "))
        {
            var p = part.Trim();
            int colon = p.IndexOf(':');
            if (colon <= 0 || p.Length < colon + 3 || p[colon + 1] != '"' || p[^1] != '"') return default;
            result.Add(new AuditQuote(p[..colon], p[(colon + 2)..^1]));
        }
        return result.ToImmutable();
    }
}

/// <summary>A fact the report shows with a compared status, in one sub-topic.</summary>
public sealed record ShownFact(string Id, string Subtopic, string Status, string About, ImmutableArray<ReportClaim> Claims)
{
    public int Topic => FactAudit.TopicOf(Subtopic);
}

/// <summary>Shown / judged real / judged false for one side and one set of topics; unjudged is the rest.</summary>
public sealed record AuditTally(int Shown, int Real, int False)
{
    public int Unjudged => Shown - Real - False;

    /// <summary>real / judged; NaN when nothing shown was judged.</summary>
    public double Precision => Real + False == 0 ? double.NaN : (double)Real / (Real + False);

    public AuditTally Add(bool? real) => new(Shown + 1, Real + (real == true ? 1 : 0), False + (real == false ? 1 : 0));
}

/// <summary>The figures of one side (disagreements or agreements): all topics, odd topics (tuning), even topics (check),
/// false ones still shown by cause, and the shown facts no row judges.</summary>
public sealed record AuditSide(AuditTally All, AuditTally Odd, AuditTally Even, ImmutableSortedDictionary<string, int> FalseByCause,
    ImmutableArray<ShownFact> Unjudged);

/// <summary>The audit of one report: its shown disagreements and agreements matched to judged rows.</summary>
public sealed record AuditScore(AuditSide Disagreements, AuditSide Agreements, ImmutableArray<(ShownFact Fact, AuditRow Row)> Matches);

/// <summary>
/// Matches the facts a report shows as disputed, updated or agreed to the rows of an audit file, by sub-topic, document
/// and the claims' own words (never character offsets, which move when extraction changes), and counts them.
/// </summary>
public static class FactAudit
{
    public const string Disagreement = "disagreement", Agreement = "agreement";

    /// <summary>"disagreement" (disputed, updated), "agreement" (agreed), or null.</summary>
    public static string? SideOf(string status) => status switch
    {
        "disputed" or "updated" => Disagreement,
        "agreed" => Agreement,
        _ => null,
    };

    /// <summary>The ECB+ sub-topic of a document name: "12_3ecb" → "12ecb", "20_1ecbplus" → "20ecbplus"; other names are their own.</summary>
    public static string SubtopicOf(string doc)
    {
        int underscore = doc.IndexOf('_');
        if (underscore <= 0) return doc;
        return doc[..underscore] + (doc.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : doc.EndsWith("ecb", StringComparison.Ordinal) ? "ecb" : "");
    }

    /// <summary>The topic number a sub-topic starts with, or -1.</summary>
    public static int TopicOf(string subtopic)
    {
        int digits = 0;
        while (digits < subtopic.Length && char.IsAsciiDigit(subtopic[digits])) digits++;
        return digits > 0 && int.TryParse(subtopic.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out int t) ? t : -1;
    }

    /// <summary>The report's facts with a compared status (disputed, updated, agreed) whose sub-topic is in
    /// <paramref name="subtopics"/>, in report order. A fact's sub-topic is its first claim's
    /// (<paramref name="subtopicOf"/>; by default the ECB+ sub-topic of its document, <see cref="SubtopicOf"/>).</summary>
    public static List<ShownFact> Shown(ReportFacts report, IReadOnlySet<string> subtopics, Func<ReportClaim, string>? subtopicOf = null)
    {
        subtopicOf ??= c => SubtopicOf(c.Doc);
        var byFact = new Dictionary<string, List<ReportClaim>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in report.Claims)
        {
            if (SideOf(c.Status) is null) continue;
            if (!byFact.TryGetValue(c.Fact, out var list))
            {
                byFact[c.Fact] = list = [];
                order.Add(c.Fact);
            }
            list.Add(c);
        }
        var result = new List<ShownFact>();
        foreach (var id in order)
        {
            var claims = byFact[id];
            string sub = subtopicOf(claims[0]);
            if (!subtopics.Contains(sub)) continue;
            result.Add(new ShownFact(id, sub, claims[0].Status, report.About.GetValueOrDefault(id, ""), [.. claims]));
        }
        return result;
    }

    /// <summary>
    /// The row judging a shown fact: among rows of its sub-topic and side, the one with most of its quotes found in the
    /// fact (a claim of the same document whose words equal the quote or hold it as whole words, or are held by it);
    /// at least two quotes (or the row's only one) must be found. Ties go to the row with fewer quotes left unfound, then
    /// the earlier row. Null when no row fits.
    /// </summary>
    public static AuditRow? Match(ShownFact fact, IEnumerable<AuditRow> rows)
    {
        string? side = SideOf(fact.Status);
        var claimWords = fact.Claims.Select(c => (c.Doc, Words: Fold(c.Text ?? ""))).Where(c => c.Words.Length > 0).ToList();
        AuditRow? best = null;
        int bestFound = 0, bestMissed = 0;
        foreach (var row in rows)
        {
            if (row.Subtopic != fact.Subtopic || row.Side != side) continue;
            int found = 0;
            foreach (var q in row.Values)
            {
                string words = Fold(q.Words);
                if (words.Length > 0 && claimWords.Any(c => c.Doc == q.Doc && (HoldsWords(c.Words, words) || HoldsWords(words, c.Words)))) found++;
            }
            int missed = row.Values.Length - found;
            if (found < Math.Min(2, row.Values.Length)) continue;
            if (best is null || found > bestFound || found == bestFound && missed < bestMissed)
                (best, bestFound, bestMissed) = (row, found, missed);
        }
        return best;
    }

    /// <summary>Matches every shown fact of the audit's sub-topics and counts each side: the <c>Odd</c> tallies hold the
    /// tuning sub-topics (<paramref name="tuning"/>; by default odd ECB+ topics), the <c>Even</c> ones the rest (the check).
    /// <paramref name="subtopicOf"/> is as <see cref="Shown"/> takes it.</summary>
    public static AuditScore Score(ReportFacts report, FactAuditFile audit, IReadOnlySet<string> subtopics,
        Func<ReportClaim, string>? subtopicOf = null, Func<string, bool>? tuning = null)
    {
        tuning ??= s => TopicOf(s) % 2 == 1;
        var matches = ImmutableArray.CreateBuilder<(ShownFact, AuditRow)>();
        var tallies = new Dictionary<string, (AuditTally All, AuditTally Odd, AuditTally Even, SortedDictionary<string, int> Causes, List<ShownFact> Unjudged)>
        {
            [Disagreement] = (new(0, 0, 0), new(0, 0, 0), new(0, 0, 0), new(StringComparer.Ordinal), []),
            [Agreement] = (new(0, 0, 0), new(0, 0, 0), new(0, 0, 0), new(StringComparer.Ordinal), []),
        };
        foreach (var fact in Shown(report, subtopics, subtopicOf))
        {
            var row = Match(fact, audit.Rows);
            bool? real = row?.Real;
            var t = tallies[SideOf(fact.Status)!];
            t.All = t.All.Add(real);
            if (tuning(fact.Subtopic)) t.Odd = t.Odd.Add(real);
            else t.Even = t.Even.Add(real);
            if (row is null) t.Unjudged.Add(fact);
            else
            {
                matches.Add((fact, row));
                if (!row.Real)
                {
                    string cause = row.Cause.Length == 0 ? "(no cause given)" : row.Cause;
                    t.Causes[cause] = t.Causes.GetValueOrDefault(cause) + 1;
                }
            }
            tallies[SideOf(fact.Status)!] = t;
        }
        AuditSide Side(string side)
        {
            var t = tallies[side];
            return new AuditSide(t.All, t.Odd, t.Even, t.Causes.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. t.Unjudged]);
        }
        return new AuditScore(Side(Disagreement), Side(Agreement), matches.ToImmutable());
    }

    /// <summary>A few words of a claim's document around it, the claim in [brackets]: enough for a person to judge it
    /// against the sentence, not a copy of the article.</summary>
    public static string Quote(string text, int start, int end, int wordsBefore = 6, int wordsAfter = 4)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        int from = start, to = end;
        for (int w = 0; w < wordsBefore && from > 0 && text[from - 1] != '\n'; w++)
        {
            from--;
            while (from > 0 && text[from - 1] == ' ') from--;
            while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        }
        for (int w = 0; w < wordsAfter && to < text.Length && text[to] != '\n'; w++)
        {
            while (to < text.Length && text[to] == ' ') to++;
            while (to < text.Length && !char.IsWhiteSpace(text[to])) to++;
        }
        return $"{text[from..start].TrimStart()}[{text[start..end]}]{text[end..to].TrimEnd()}";
    }

    /// <summary>Lower case, curly quotes straight, dashes as '-', no spaces around '-' or before "'s", runs of white space as one.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char raw in s)
        {
            char c = raw switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2010' or '\u2011' or '\u2013' or '\u2014' => '-',
                _ when char.IsWhiteSpace(raw) => ' ',
                _ => char.ToLowerInvariant(raw),
            };
            if (c == ' ' && (sb.Length == 0 || sb[^1] is ' ' or '-')) continue;
            if (c is '-' or '\'' && sb.Length > 0 && sb[^1] == ' ') sb.Length--;
            sb.Append(c);
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="words"/> occurs in <paramref name="text"/> as whole words (both folded).</summary>
    public static bool HoldsWords(string text, string words)
    {
        for (int i = text.IndexOf(words, StringComparison.Ordinal); i >= 0; i = text.IndexOf(words, i + 1, StringComparison.Ordinal))
        {
            int end = i + words.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }
}
