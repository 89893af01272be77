using Parallax.Analysis.Entities.Tagger;

namespace Parallax.Eval.Ner;

/// <summary>An evaluation set: a name for the table and its sentences.</summary>
public sealed record NerDataSet(string Name, IReadOnlyList<NerExample> Sentences);

/// <summary>
/// Where each NER corpus lives under ../shared/data/ner and which of its files are train, dev and test.
/// UNER English-EWT ships dev and test only (no train here); wikigold has one file, used whole as an out-of-domain test.
/// </summary>
public static class NerDataSets
{
    /// <summary>
    /// The shipped model's training data, every part licensed for shipping a derived model: GUM train in its shippable
    /// genres (see <see cref="GumReader.ShippableGenres"/>; annotations CC-BY 4.0), the Broad Twitter Corpus (CC-BY 4.0,
    /// all sections; user handles untagged, see <see cref="ConllReader.IsHandle"/>) and WNUT17 train (CC-BY 4.0), which bring web and social text closer to UNER's and WNUT's.
    /// With <paramref name="gumOnly"/> just GUM.
    /// </summary>
    public static List<NerExample> Training(string shared, bool gumOnly = false)
    {
        var ner = SharedData.Folder(shared, "ner");
        var examples = GumReader.ReadSplit(Path.Combine(ner, "gum"), "train", GumReader.ShippableGenres);
        if (gumOnly) return examples;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ner, "btc", "CONLL-format", "data"), "*.conll").Order(StringComparer.Ordinal))
            examples.AddRange(ConllReader.Read(File.ReadLines(file), ConllReader.Conll03Type, untagged: ConllReader.IsHandle));
        examples.AddRange(ConllReader.Read(File.ReadLines(Path.Combine(ner, "wnut17", "CONLL-format", "data", "train", "wnut17train.conll")),
            ConllReader.Wnut17Type));
        return examples;
    }

    /// <summary>The four evaluation sets for <paramref name="split"/> ("dev" or "test"): GUM (all genres but reddit),
    /// UNER EWT, wikigold (whole file, it has no split) and WNUT17.</summary>
    public static List<NerDataSet> Evaluation(string shared, string split)
    {
        if (split is not ("dev" or "test")) throw new ArgumentException("split must be dev or test", nameof(split));
        var ner = SharedData.Folder(shared, "ner");
        var wnut = split == "dev"
            ? Path.Combine(ner, "wnut17", "CONLL-format", "data", "dev", "emerging.dev.conll")
            : Path.Combine(ner, "wnut17", "CONLL-format", "data", "test", "emerging.test.annotated");
        return
        [
            new($"GUM {split}", GumReader.ReadSplit(Path.Combine(ner, "gum"), split)),
            new($"UNER EWT {split}", ConllReader.Read(File.ReadLines(Path.Combine(ner, "uner-en-ewt", $"en_ewt-ud-{split}.iob2")),
                ConllReader.Conll03Type, tokenColumn: 1, tagColumn: 2).ToList()),
            new("wikigold", ConllReader.Read(File.ReadLines(Path.Combine(ner, "wikigold", "CONLL-format", "data", "wikigold.conll.txt")),
                ConllReader.Conll03Type).ToList()),
            new($"WNUT17 {split}", ConllReader.Read(File.ReadLines(wnut), ConllReader.Wnut17Type).ToList()),
        ];
    }
}
