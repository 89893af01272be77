using System.Security.Cryptography;
using System.Text;

namespace Parallax.Store;

/// <summary>The identity of a document for idempotent ingest: SHA-256 of its cleaned text, so the same article read
/// twice (or from two paths) is stored once.</summary>
public static class ContentHash
{
    public static string Of(string cleanedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cleanedText)));
}
