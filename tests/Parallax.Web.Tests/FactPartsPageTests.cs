using System.Text;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>The web's story page and API show a part beside the fact it belongs to, as the report does.</summary>
public sealed class FactPartsPageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private const string Report = "Four people were killed in the Springfield warehouse blast on Monday, police said.\n"
        + "Two more people were killed in the Springfield warehouse blast, the fire chief said later.";

    [Fact]
    public async Task The_story_page_lists_a_part_under_its_fact_and_the_api_links_them()
    {
        await using var s = await TestServer.StartAsync();
        var post = new HttpRequestMessage(HttpMethod.Post, "api/documents") { Content = new StringContent(Report, Encoding.UTF8, "text/plain") };
        post.Headers.Add("X-Api-Key", TestServer.Key);
        var r = await s.Http.SendAsync(post, Ct);
        using var added = JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct));
        long story = added.RootElement.GetProperty("added")[0].GetProperty("story").GetInt64();

        using var json = JsonDocument.Parse(await s.Http.GetStringAsync($"api/stories/{story}", Ct));
        var facts = json.RootElement.GetProperty("stories")[0].GetProperty("facts").EnumerateArray().ToList();
        var part = Assert.Single(facts, f => f.GetProperty("partOf").ValueKind == JsonValueKind.String);
        string whole = part.GetProperty("partOf").GetString()!;
        Assert.Contains(facts, f => f.GetProperty("id").GetString() == whole);

        var page = await s.Http.GetStringAsync($"stories/{story}", Ct);
        Assert.Contains("of which:", page, StringComparison.Ordinal);
        Assert.Contains("people killed", page, StringComparison.Ordinal);
    }
}
