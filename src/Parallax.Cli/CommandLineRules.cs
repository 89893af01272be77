using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Parallax.Cli;

/// <summary>
/// How every command reads its command line, in one place: an unknown option is an error, a value of the wrong type
/// names the option and what it expects in words, counts such as <c>--threads</c> must be at least 1, and a URL where
/// a file is expected says that Parallax reads saved files and does not fetch. A wrong command line is one line on
/// stderr ending in "see 'parallax … --help'", exit code 2.
/// </summary>
internal static class CommandLineRules
{
    /// <summary>Exit code for a wrong command line (the README's table).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Options that count something and mean nothing below 1.</summary>
    private static readonly HashSet<string> AtLeastOne = new(StringComparer.Ordinal)
    {
        "--threads", "--limit", "--runs", "--epochs", "--connections", "--seconds", "--sources",
    };

    /// <summary>Sets the parsers and checks on every option and argument of the tree under <paramref name="root"/>.</summary>
    public static void Apply(Command root)
    {
        foreach (var command in Walk(root))
        {
            foreach (var option in command.Options) Apply(option);
            foreach (var argument in command.Arguments) Apply(argument);
        }
    }

    /// <summary>Parses <paramref name="args"/>; on a wrong command line prints one line and returns false.</summary>
    public static bool TryParse(RootCommand root, string[] args, out ParseResult result, TextWriter error)
    {
        result = root.Parse(args);
        var command = result.CommandResult.Command;
        string? problem = UnknownOption(result, args) ?? (result.Errors.Count > 0 ? Describe(result) : null);
        if (problem is null) return true;
        error.WriteLine($"parallax: {problem}; see '{CommandPath(result.CommandResult)} --help'");
        return false;
    }

    private static string Describe(ParseResult result)
    {
        // An unrecognised word says more than the missing command it caused.
        var errors = result.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).ToList();
        var first = errors[0].Message.Trim().TrimEnd('.');
        if (first.StartsWith("Required command was not provided", StringComparison.Ordinal))
            first = "name a command (" + string.Join(", ", result.CommandResult.Command.Subcommands.Select(c => c.Name)) + ")";
        return result.Errors.Count == 1 ? first : $"{first} (and {Plural.Count(result.Errors.Count - 1, "more problem", "more problems")})";
    }

    /// <summary>A token that looks like an option but was taken as a file or word argument ("--thread 2" read as two
    /// paths): an error naming it, with the nearest real option when one is close.</summary>
    private static string? UnknownOption(ParseResult result, string[] args)
    {
        int doubleDash = Array.IndexOf(args, "--");
        var beforeDash = doubleDash < 0 ? args : args[..doubleDash];
        foreach (var child in result.CommandResult.Children)
        {
            if (child is not ArgumentResult argument) continue;
            foreach (var token in argument.Tokens)
            {
                var value = token.Value;
                if (value.Length < 2 || value[0] != '-' || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
                if (!beforeDash.Contains(value, StringComparer.Ordinal)) continue;
                var near = Nearest(value, result.CommandResult.Command);
                return near is null ? $"unknown option '{value}'" : $"unknown option '{value}' (did you mean '{near}'?)";
            }
        }
        foreach (var token in result.UnmatchedTokens)
            if (token.Length > 1 && token[0] == '-')
            {
                var near = Nearest(token, result.CommandResult.Command);
                return near is null ? $"unknown option '{token}'" : $"unknown option '{token}' (did you mean '{near}'?)";
            }
        return null;
    }

    /// <summary>The command's option closest to <paramref name="typed"/> (a prefix, or at most two edits away).</summary>
    private static string? Nearest(string typed, Command command)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var option in command.Options)
            foreach (var name in option.Aliases.Prepend(option.Name))
            {
                if (!name.StartsWith("--", StringComparison.Ordinal)) continue;
                int d = name.StartsWith(typed, StringComparison.Ordinal) ? 0 : Distance(typed, name);
                if (d < bestDistance) (best, bestDistance) = (name, d);
            }
        return bestDistance <= 2 ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "parallax" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    private static IEnumerable<Command> Walk(Command command)
    {
        yield return command;
        foreach (var sub in command.Subcommands)
            foreach (var c in Walk(sub)) yield return c;
    }

    private static void Apply(Option option)
    {
        var name = option.Name;
        bool positive = AtLeastOne.Contains(name);
        switch (option)
        {
            case Option<int> o:
                o.CustomParser = r => Number(r, name, positive, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null, 0);
                break;
            case Option<long> o:
                o.CustomParser = r => Number(r, name, positive, s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : null, 0L);
                break;
            case Option<double> o:
                o.CustomParser = r => Number(r, name, positive, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null, 0.0);
                break;
        }
    }

    private static void Apply(Argument argument)
    {
        switch (argument)
        {
            case Argument<long> a:
                var what = a.Name == "id" ? "the story id" : a.Name;
                a.CustomParser = r => Number(r, what, false, s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : null, 0L);
                break;
            case Argument<string[]> paths when paths.Name == "paths":
                paths.Validators.Add(NoUrls);
                break;
        }
    }

    /// <summary>A URL given as a path: Parallax does not fetch, so say what it reads instead.</summary>
    private static void NoUrls(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
            if (LooksLikeUrl(token.Value))
            {
                result.AddError($"'{token.Value}' is a web address: Parallax reads saved pages (.html), WARC files and feeds (.rss, .atom) from disk and does not fetch; save the page first and give the file");
                return;
            }
    }

    internal static bool LooksLikeUrl(string value) =>
        (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
         || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) && !File.Exists(value) && !Directory.Exists(value);

    /// <summary>One value of a numeric option: a type error names the option and the expected value in words.</summary>
    private static T Number<T>(ArgumentResult r, string name, bool positive, Func<string, T?> parse, T fallback) where T : struct, IComparable<T>
    {
        if (r.Tokens.Count == 0) return fallback;
        var text = r.Tokens[^1].Value;
        string expected = typeof(T) == typeof(double) ? "a number" : positive ? "a whole number of at least 1" : "a whole number";
        if (parse(text) is not { } value)
        {
            r.AddError($"{name} expects {expected}, not '{text}'");
            return fallback;
        }
        if (positive && value.CompareTo(default) <= 0)
        {
            r.AddError($"{name} must be at least 1 (got {text})");
            return fallback;
        }
        return value;
    }
}
