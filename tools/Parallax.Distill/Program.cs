using System.Diagnostics;
using System.Globalization;
using Parallax.Distill;

// parallax-distill: build-time word vectors from the all-MiniLM-L6-v2 sentence encoder (docs/word-vectors.md).
//   distill  [--shared DIR] [--work DIR] [--out FILE] [--size N] [--min-count N] [--dims N] [--seed N] [--threads N] [--cached-only]
//   eval     [--shared DIR] [--work DIR] [--model FILE] [--pairs N] [--seed N] [--threads N] [--variants] [--adapt [--fit-sentences N]]
//   bench    [--model FILE] [--shared DIR]
//   accounts [--shared DIR]          (does the phrase vector help link sentences that tell the same moment? ECB+ proxy)
//   accounts-stage [--shared DIR]    (the fact aligner's accounts on ECB+ train/dev sub-topics, before/after the vector test)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: parallax-distill distill|eval|bench|accounts|accounts-stage [options]  (see docs/word-vectors.md)");
    return args.Length == 0 ? 2 : 0;
}
var options = Options.Parse(args.Skip(1).ToArray());
try
{
    return args[0] switch
    {
        "distill" => Distiller.Run(options),
        "eval" => VectorEvaluation.Run(options),
        "bench" => VectorBench.Run(options),
        "accounts" => AccountMatching.Run(options),
        "accounts-stage" => AccountStage.Run(options),
        _ => Fail($"unknown command '{args[0]}' (distill, eval, bench, accounts, accounts-stage)"),
    };
}
catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException)
{
    return Fail(e.Message);
}

static int Fail(string message)
{
    Console.Error.WriteLine($"parallax-distill: {message}");
    return 1;
}

namespace Parallax.Distill
{
    /// <summary>Command-line options shared by the commands, with the defaults the committed model was built with.</summary>
    internal sealed record Options(string Shared, string Work, string Model, int Size, int MinCount, int Dimensions, int Seed, int Threads, int Pairs, bool Variants = false, bool CachedOnly = false, bool Adapt = false, int FitSentences = 1500)
    {
        public static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) return dir.FullName;
            return Directory.GetCurrentDirectory();
        }

        public static Options Parse(string[] args)
        {
            var root = RepositoryRoot();
            var o = new Options(
                Shared: Path.GetFullPath(Path.Combine(root, "..", "shared")),
                Work: Path.GetFullPath(Path.Combine(root, "..", "vectors-work")),
                Model: Path.Combine(root, "src", "Parallax.Analysis", "Vectors", "Models", "wordvectors.pxv"),
                Size: 100_000, MinCount: 2, Dimensions: 128, Seed: 20_261_206, Threads: Environment.ProcessorCount, Pairs: 3000);
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int Int() { var v = Value(); return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"not a positive number: {v}"); }
                o = args[i] switch
                {
                    "--shared" => o with { Shared = Path.GetFullPath(Value()) },
                    "--work" => o with { Work = Path.GetFullPath(Value()) },
                    "--out" or "--model" => o with { Model = Path.GetFullPath(Value()) },
                    "--size" => o with { Size = Int() },
                    "--min-count" => o with { MinCount = Int() },
                    "--dims" => o with { Dimensions = Int() },
                    "--seed" => o with { Seed = Int() },
                    "--threads" => o with { Threads = Int() },
                    "--pairs" => o with { Pairs = Int() },
                    "--variants" => o with { Variants = true },
                    "--cached-only" => o with { CachedOnly = true },
                    "--adapt" => o with { Adapt = true },
                    "--fit-sentences" => o with { FitSentences = Int() },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            return o;
        }
    }

    /// <summary>Elapsed-time logging for the steps of a command.</summary>
    internal static class Step
    {
        public static T Time<T>(string what, Func<T> step)
        {
            var watch = Stopwatch.StartNew();
            Console.Error.WriteLine($"{what} ...");
            var result = step();
            Console.Error.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F1} s");
            return result;
        }
    }
}
