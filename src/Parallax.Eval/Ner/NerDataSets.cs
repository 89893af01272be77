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
    /// <summary>Training sources <see cref="Training"/> knows, in the order they are read.</summary>
    public static readonly string[] Sources = ["gum", "btc", "wnut17", "sec", "re3d", "ecb", "self"];

    /// <summary>The sources the shipped model is trained on, "ecb" among them (<see cref="NerSelfTraining.EcbExamples"/>:
    /// ECB+ train-topic news, CC-BY 3.0, tagged by a teacher trained on the others; shippable). With the document
    /// features and 9 runs averaged (<see cref="NerTraining.DefaultRuns"/>), dev F1 of the entity stage (what the report
    /// shows), mean of seeds 17 / 26 / 35: GUM 0.593 → 0.597, UNER EWT 0.618 → 0.622; tagger alone 0.671 → 0.676,
    /// 0.638 → 0.643, WNUT17 0.544 → 0.571; without "ecb" (seed 17) 0.599 / 0.619, tagger 0.677 / 0.646 / 0.553.
    /// (Before the recognizer's rule for "Department of X and Y" (OrgNameLists), every such model parted "U.S. Department of Housing and Urban
    /// Development" at "and".) "self" (<see cref="NerSelfTraining"/>: PolNeAR train texts
    /// tagged by a teacher trained on the others) is left out: tagger-alone dev F1 rose 0.671 → 0.684 on GUM and 0.638 →
    /// 0.641 on UNER EWT, but the entity stage moved by +0.003 / −0.001, the tagger lost the plain name "Florencio
    /// Millan-Vazquez", and PolNeAR's texts are for research use only. re3d is left out: adding it cost 0.011 F1 on GUM dev and
    /// 0.012 on UNER EWT dev (its military and government texts tag "U.S." as an organisation).</summary>
    public static readonly string[] DefaultSources = ["gum", "btc", "wnut17", "sec", "ecb"];

    /// <summary>re3d's sources whose texts may ship in a derived model: US State Department and CENTCOM (public domain),
    /// UK Government (OGL v3). Wikipedia (CC BY-SA), BBC (NC), the EU delegation and Australian DFAT are left out.</summary>
    public static readonly string[] Re3dShippableSources = ["US_State_Department", "CENTCOM", "UK_Government"];

    /// <summary>
    /// The shipped model's training data, every part licensed for shipping a derived model: GUM train in its shippable
    /// genres (see <see cref="GumReader.ShippableGenres"/>; annotations CC-BY 4.0), the Broad Twitter Corpus (CC-BY 4.0,
    /// all sections; user handles untagged, see <see cref="ConllReader.IsHandle"/>), WNUT17 train (CC-BY 4.0), the SEC
    /// filings train part FIN5 (CC-BY 3.0) and re3d's public-domain and OGL sources (<see cref="Re3dShippableSources"/>).
    /// <paramref name="sources"/> picks some of <see cref="Sources"/> (all when null), to measure what each adds.
    /// </summary>
    public static List<NerExample> Training(string shared, IReadOnlyCollection<string>? sources = null)
    {
        sources ??= DefaultSources;
        var ner = SharedData.Folder(shared, "ner");
        var examples = new List<NerExample>();
        if (sources.Contains("gum"))
            examples.AddRange(GumReader.ReadSplit(Path.Combine(ner, "gum"), "train", GumReader.ShippableGenres));
        if (sources.Contains("btc"))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ner, "btc", "CONLL-format", "data"), "*.conll").Order(StringComparer.Ordinal))
                examples.AddRange(ConllReader.Read(File.ReadLines(file), ConllReader.Conll03Type, untagged: ConllReader.IsHandle));
        if (sources.Contains("wnut17"))
            examples.AddRange(ConllReader.Read(File.ReadLines(Path.Combine(ner, "wnut17", "CONLL-format", "data", "train", "wnut17train.conll")),
                ConllReader.Wnut17Type));
        if (sources.Contains("sec"))
            examples.AddRange(ConllReader.Read(File.ReadLines(Path.Combine(ner, "sec-filings", "CONLL-format", "data", "train", "FIN5.txt")),
                ConllReader.Conll03Type));
        if (sources.Contains("re3d"))
            foreach (var source in Re3dShippableSources)
                foreach (var file in Directory.EnumerateFiles(Path.Combine(ner, "re3d", "CONLL-format", "data-by-source", "conll", source), "*.conll")
                             .Order(StringComparer.Ordinal))
                    examples.AddRange(ConllReader.Read(File.ReadLines(file), ConllReader.Re3dType));
        return examples;
    }

    /// <summary>GUM genres whose texts are not share-alike (academic, court CC-BY 4.0; news, interview CC-BY 2.5): the
    /// gazetteer lists names as written, so bio and voyage (CC-BY-SA 3.0) stay out of it though the weights learn from them.</summary>
    public static readonly string[] GumGazetteerGenres = ["academic", "court", "interview", "news"];

    /// <summary>The gold examples the gazetteer reads (<see cref="NerGazetteerBuilder"/>): the train splits of the picked
    /// sources, GUM in <see cref="GumGazetteerGenres"/> only, plus re3d's shippable sources whether trained on or not
    /// (its ORG spans name agencies and ministries; only names labelled ORG more often than otherwise are kept).
    /// Never a dev or test split.</summary>
    public static List<NerExample> GazetteerSources(string shared, IReadOnlyCollection<string> picked)
    {
        var examples = Training(shared, [.. picked.Where(p => p is not "gum"), "re3d"]);
        if (picked.Contains("gum"))
            examples.AddRange(GumReader.ReadSplit(Path.Combine(SharedData.Folder(shared, "ner"), "gum"), "train", GumGazetteerGenres));
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
