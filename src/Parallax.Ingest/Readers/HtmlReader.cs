using System.Text;
using System.Text.RegularExpressions;
using Parallax.Ingest.Decoding;
using Parallax.Model;

namespace Parallax.Ingest.Readers;

/// <summary>Reads .html, .htm and .xhtml files: decode (honouring a meta charset when the bytes are not UTF-8),
/// then extract the article and its metadata.</summary>
internal sealed class HtmlReader(IngestOptions options, DraftBuilder builder)
{
    /// <summary>Browsers look for the charset declaration in the first 1024 bytes; so do we.</summary>
    private const int CharsetPrescanBytes = 1024;

    private static readonly Regex MetaCharset = new(@"<meta[^>]{0,200}?charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_.:-]{1,40})",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public ReadResult Read(string path, string origin)
    {
        var (bytes, error) = FileLoader.Load(path, options.MaxFileBytes);
        if (bytes is null) return new Rejection(origin, error!);
        return ReadBytes(bytes, origin, Path.GetFileName(path));
    }

    /// <summary>A page already in memory (standard input).</summary>
    public ReadResult ReadBytes(byte[] bytes, string origin, string? fileName, string? url = null)
    {
        var decoded = TextDecoder.DecodeHtml(bytes);
        if (!decoded.IsText) return new Rejection(origin, "binary file");
        Uri.TryCreate(url, UriKind.Absolute, out var pageUri);
        return builder.FromHtml(origin, decoded.Text, new DocumentMetadata { Url = pageUri?.ToString() }, pageUri, fileName);
    }

    internal static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, CharsetPrescanBytes)]);
        var m = MetaCharset.Match(head);
        return m.Success ? m.Groups["cs"].Value : null;
    }
}
