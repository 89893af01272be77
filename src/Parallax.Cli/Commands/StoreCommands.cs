using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Analysis.Pipeline;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Report;
using Parallax.Store;
using Parallax.Workflow;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// The persistent corpus: <c>parallax ingest</c>, <c>stories</c>, <c>story</c> and <c>search</c>. Every command takes
/// <c>--db FILE</c> (SQLite, default parallax.db) or <c>--db postgres://user:password@host:port/database</c>.
/// </summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create() => [Ingest(), Stories(), Story(), Search()];

    private static Option<string> DbOption() => new("--db")
    {
        Description = "SQLite file, or postgres://user:password@host:port/database",
        DefaultValueFactory = _ => CorpusStore.DefaultFile,
    };

    private static ICorpusStore Open(string db)
    {
        try { return Corpus.Open(db); }
        catch (StoreException e) { throw new UserError(e.Message); }
    }

    /// <summary>Opens a corpus that must already exist (read-only commands): a mistyped SQLite path is an error naming
    /// it, never a new empty database.</summary>
    private static ICorpusStore OpenExisting(string db)
    {
        bool server = db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
        if (!server && !File.Exists(db))
            throw new UserError($"no corpus at '{Path.GetFullPath(db)}': give --db the corpus file, or add reports first with 'parallax ingest PATH... --db {db}'");
        return Open(db);
    }

    /// <summary>Database failures after opening (disk full, locked past the wait, server gone) as one line; every
    /// document committed before stays, and a rerun continues.</summary>
    private static T Guard<T>(string db, Func<T> body)
    {
        try { return body(); }
        catch (StoreException e) { throw new UserError(e.Message); }
        catch (SearchRefusedException e) { throw new UserError(e.Message); }
        catch (System.Data.Common.DbException e)
        {
            throw new UserError($"database error on {PostgresUrl.Describe(db)}: {e.Message.ReplaceLineEndings(" ")} (committed documents are kept; rerun to continue)");
        }
    }

    private static Command Ingest()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (read recursively): .txt, .html, .jsonl, .json, .warc, .warc.gz, .rss, .atom; - for standard input", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var threads = new Option<int>("--threads") { Description = "Cores to use for analysis", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or summary" };
        var command = new Command("ingest", "Add reports with their analysis to a corpus and place each in a story") { paths, db, threads, quiet };
        command.SetAction(r => RunIngest(r.GetValue(paths)!, r.GetValue(db)!, r.GetValue(threads), r.GetValue(quiet)));
        return command;
    }

    /// <summary>Files the inputs name (a folder's files, recursively; standard input as one), for the progress bar.</summary>
    private static int CountInputFiles(string[] paths)
    {
        int n = 0;
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                try { n += Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count(); }
                catch (IOException) { } // the reader reports it, naming the folder
            else n++;
        }
        return n;
    }

    private static int RunIngest(string[] paths, string db, int threads, bool quiet)
    {
        var err = Consoles.Error();
        // Models load and the analysis code is compiled (one short invented sentence) while the files are read: reading
        // starts with a single-threaded build of its cleaning rules, so a core would otherwise wait.
        var warmPipeline = Task.Run(() =>
        {
            var p = StandardPipeline.Create();
            p.Run(new Document { Id = "warm-up", Origin = "warm-up", Text = "Mayor Ada Quist said on Monday that \"about 30 people\" were hurt, according to police." });
            return p;
        });
        using var store = Open(db);
        // A second connection for the already-stored probes, so they never wait on (or share) the writer's transaction.
        using var probe = Open(db);
        var pipeline = warmPipeline.GetAwaiter().GetResult();
        // Input files, counted up front for the bar's end and ETA (a web archive or JSON Lines file holds more than one
        // document; the bar's end moves out when the count is passed). Documents themselves are read as they are
        // needed, a few batches ahead, so memory does not grow with the corpus.
        int expected = CountInputFiles(paths);
        // CPU time beside the wall clock: on a shared machine the wall clock also counts other processes' turns.
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        IngestResult? result = null;
        IngestResult Work(Action<int> progress) => new CorpusIngest(store, pipeline, threads)
        {
            Probe = probe,
            Skipped = rej => err.MarkupLineInterpolated($"[yellow]warning:[/] skipped {TerminalText.Clean(rej.Origin)}: {TerminalText.Clean(rej.Reason)}"),
            Progress = progress,
        }.Run(CorpusSource.Paths(paths));

        Guard(db, () =>
        {
            // A live bar only on a terminal; redirected output gets the summary line alone.
            if (quiet || Console.IsErrorRedirected) result = Work(_ => { });
            else
                err.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("ingest", maxValue: Math.Max(1, expected));
                        result = Work(done =>
                        {
                            if (done >= task.MaxValue) task.MaxValue = done + 1;
                            task.Value = done;
                            task.Description = $"ingest {done:N0} documents · {done / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} docs/s";
                        });
                    });
            return 0;
        });
        var (read, added, present, rejected, startedStories) = result!;
        if (read == 0 && rejected > 0) throw new UserError($"nothing could be read ({Plural.Count(rejected, "input", "inputs")} skipped)", 1);
        double secs = clock.Elapsed.TotalSeconds;
        self.Refresh();
        double cpuSecs = (self.TotalProcessorTime - cpu0).TotalSeconds;
        if (!quiet)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingested {Plural.Count(added, "new document", "new documents")} ({present:N0} already stored, {rejected:N0} skipped) into {store.Location} in {secs:0.0} s ({(added + present) / Math.Max(secs, 0.001):N0} docs/s, {cpuSecs:0.0} CPU-s); {Plural.Count(startedStories, "new story", "new stories")}; corpus: {Plural.Count(store.CountDocuments(), "document", "documents")}"));
        return 0;
    }

    private static Command Stories()
    {
        var db = DbOption();
        var since = new Option<string?>("--since") { Description = "Only stories with news on or after this day (yyyy-MM-dd)" };
        var query = new Option<string?>("--query") { Description = "Only stories with a document matching these words" };
        var limit = new Option<int>("--limit") { Description = "Most stories to list", DefaultValueFactory = _ => 50 };
        var command = new Command("stories", "List the corpus's stories: title, dates, sources, disputed facts") { db, since, query, limit };
        command.SetAction(r =>
        {
            DateOnly? day = null;
            if (r.GetValue(since) is { } s)
                day = DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new UserError($"--since: '{s}' is not a date (yyyy-MM-dd)");
            var dbv = r.GetValue(db)!;
            using var store = OpenExisting(dbv);
            var list = Guard(dbv, () => store.Stories(day, r.GetValue(query), r.GetValue(limit)));
            if (list.Count == 0) { Console.WriteLine("no stories"); return 0; }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var c in new[] { "id", "title", "first", "last", "docs", "sources", "disputed" }) table.AddColumn(c);
            foreach (var st in list)
                table.AddRow(st.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(TerminalText.Clean(st.Title)), st.FirstDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    st.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", st.Documents.ToString(CultureInfo.InvariantCulture),
                    st.Sources.ToString(CultureInfo.InvariantCulture), st.Disputed.ToString(CultureInfo.InvariantCulture));
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Story()
    {
        var id = new Argument<long>("id") { Description = "The story id (from `parallax stories`)" };
        var db = DbOption();
        var output = new Option<string>("--out", "-o") { Description = "Folder for report.json and report.html", Required = true };
        var command = new Command("story", "Write one story's report (the same report.json and report.html as analyze)") { id, db, output };
        command.SetAction(r =>
        {
            var dbv = r.GetValue(db)!;
            var outDir = r.GetValue(output)!;
            using var store = OpenExisting(dbv);
            var docs = Guard(dbv, () => store.StoryDocuments(r.GetValue(id)));
            if (docs.Count == 0) throw new UserError($"no story {r.GetValue(id)} in {store.Location}", 1);
            var report = Corpus.StoryReport(docs);
            try
            {
                Directory.CreateDirectory(outDir);
                using (var json = File.Create(Path.Combine(outDir, "report.json"))) ReportJsonWriter.Write(report, json);
                using (var html = new StreamWriter(Path.Combine(outDir, "report.html"))) HtmlReportWriter.Write(report, html);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UserError($"cannot write the report to '{outDir}': {e.Message}");
            }
            Console.WriteLine($"wrote {Path.Combine(outDir, "report.json")} and report.html ({Plural.Count(docs.Count, "document", "documents")})");
            return 0;
        });
        return command;
    }

    private static Command Search()
    {
        var query = new Argument<string>("query") { Description = "Words to find (all must occur)" };
        var db = DbOption();
        var limit = new Option<int>("--limit") { Description = "Most hits to show", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Find documents and quotes by full text, with highlighted snippets") { query, db, limit };
        command.SetAction(r =>
        {
            var dbv = r.GetValue(db)!;
            using var store = OpenExisting(dbv);
            var hits = Guard(dbv, () => store.Search(r.GetValue(query)!, r.GetValue(limit)));
            if (hits.Count == 0) { Console.WriteLine("no matches"); return 0; }
            bool plain = Console.IsOutputRedirected;
            foreach (var h in hits)
            {
                var snippet = TerminalText.Clean(h.Snippet, SearchHit.Open + SearchHit.Close);
                // Matches bold on a terminal, [between brackets] in redirected output.
                snippet = plain ? snippet.Replace(SearchHit.Open, "[", StringComparison.Ordinal).Replace(SearchHit.Close, "]", StringComparison.Ordinal)
                    : Markup.Escape(snippet).Replace(SearchHit.Open, "[bold yellow]", StringComparison.Ordinal).Replace(SearchHit.Close, "[/]", StringComparison.Ordinal);
                var head = $"{h.Document} story {h.Story} {h.Kind}: {TerminalText.Clean(h.Title)}";
                if (plain) Console.WriteLine($"{head}\n    {snippet}");
                else AnsiConsole.MarkupLine($"[bold]{Markup.Escape(head)}[/]\n    {snippet}");
            }
            return 0;
        });
        return command;
    }
}
