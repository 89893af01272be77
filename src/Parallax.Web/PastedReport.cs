using System.Text;
using System.Text.Json;

namespace Parallax.Web;

/// <summary>Text pasted into the add form, with the title and outlet typed beside it. With either field filled the
/// report goes in as a one-record JSON Lines upload (fields given with the input win over anything guessed from the
/// text); with neither, as plain text, whose first line may be read as the title.</summary>
internal static class PastedReport
{
    /// <summary>Longest title or outlet kept from the form.</summary>
    public const int MaxFieldChars = 300;

    public static Upload Upload(string text, string? title, string? outlet)
    {
        title = Field(title);
        outlet = Field(outlet);
        if (title is null && outlet is null) return new Upload("pasted.txt", Encoding.UTF8.GetBytes(text));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (title is not null) json.WriteString("title", title);
            if (outlet is not null) json.WriteString("outlet", outlet);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return new Upload("pasted.jsonl", buffer.ToArray());
    }

    private static string? Field(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var one = value.ReplaceLineEndings(" ").Trim();
        return one.Length <= MaxFieldChars ? one : one[..MaxFieldChars];
    }
}
