namespace Parallax.Eval.Tests;

public sealed class SharedDataTests
{
    [Fact]
    public void A_missing_corpus_is_named_with_the_way_to_fix_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => SharedData.Folder("/no/such/shared", "ner", "gum"));
        Assert.StartsWith("not found: /no/such/shared/data/ner/gum", e.Message);
        Assert.Contains("--shared", e.Message);
    }

    [Fact]
    public void An_existing_folder_is_returned()
    {
        var root = Directory.CreateTempSubdirectory("parallax-shared").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data", "ner"));
        Assert.Equal(Path.Combine(root, "data", "ner"), SharedData.Folder(root, "ner"));
    }
}
