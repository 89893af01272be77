namespace Parallax.Eval;

/// <summary>Locates the open corpora under ../shared/data and says clearly when they are missing.</summary>
public static class SharedData
{
    /// <summary>The data folder under <paramref name="shared"/>, or an exception naming what is missing.</summary>
    public static string Folder(string shared, params string[] parts)
    {
        var path = Path.Combine([shared, "data", .. parts]);
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new FileNotFoundException($"not found: {path} (the open corpora live in ../shared/data beside the repository; pass --shared)");
        return path;
    }
}
