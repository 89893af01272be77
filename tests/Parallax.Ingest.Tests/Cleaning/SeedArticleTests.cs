using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Decoding;
using Parallax.Ingest.Metadata;
using Parallax.Ingest.Tests.Support;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Cleaning;

/// <summary>
/// The five real seed reports in ../shared/seeds (read at test time, never copied here): the boilerplate each one
/// carries is removed, the story sentences next to it stay, and the metadata is what the text supports.
/// </summary>
public sealed class SeedArticleTests
{
    private static (string Raw, CleanedText Cleaned, DocumentMetadata Metadata) Load(string prefix)
    {
        var folder = SharedData.Require("seeds");
        var file = Directory.GetFiles(folder, prefix + "_*.txt").Single();
        var raw = TextDecoder.Decode(File.ReadAllBytes(file)).Text;
        return (raw, BoilerplateCleaner.Default.Clean(raw), TextMetadataExtractor.Default.Extract(raw));
    }

    private static void AssertRemoved(CleanedText cleaned, string startOfLine, string reason)
    {
        // The seeds use no-break spaces in places; compare with them read as spaces.
        var hit = cleaned.Removed.FirstOrDefault(r => r.Text.Replace('\u00a0', ' ').StartsWith(startOfLine, StringComparison.Ordinal));
        Assert.True(hit is not null, $"expected a removed line starting '{startOfLine}'");
        Assert.Equal(reason, hit.Reason);
        Assert.DoesNotContain(startOfLine, cleaned.Text.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    private static void AssertKept(CleanedText cleaned, string text) => Assert.Contains(text, cleaned.Text, StringComparison.Ordinal);

    [Fact]
    public void Seed_000_loses_its_header_promo_and_keeps_the_story()
    {
        var (_, cleaned, metadata) = Load("000");
        AssertRemoved(cleaned, "date 2019-07-23", "date header");
        AssertRemoved(cleaned, "Breaking News Emails", "newsletter promo");
        Assert.Equal(2, cleaned.Removed.Length);
        Assert.StartsWith("U.S. Immigration and Customs Enforcement officers smashed", cleaned.Text, StringComparison.Ordinal);
        AssertKept(cleaned, "\"After attempting to negotiate with Millan-Vazquez for about 25 minutes, the ICE officers were left with no other choice than make the arrest by physically removing him from the vehicle,\" according to a statement by ICE spokesman Shawn Neudauer.");
        AssertKept(cleaned, "Millan-Vazquez's children could be heard whimpering and crying in the background.");
        Assert.EndsWith("have Millan-Vazquez deported to Mexico.", cleaned.Text, StringComparison.Ordinal);

        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2019, 7, 23), MetadataSource.Header), metadata.Published);
        Assert.Null(metadata.Title);   // the first story line is a sentence, not a headline
        Assert.Null(metadata.Outlet);  // no dateline, no self-reference: no guess
    }

    [Fact]
    public void Seed_001_loses_the_photo_credit_and_names_The_Hill()
    {
        var (_, cleaned, metadata) = Load("001");
        AssertRemoved(cleaned, "\u00a9 Pucca Love", "photo credit");
        Assert.Single(cleaned.Removed);
        AssertKept(cleaned, "the spokesperson said in a statement to The Hill.");
        AssertKept(cleaned, "The ICE officer who broke the window suffered minor cuts, according to NBC News.");

        Assert.Equal("ICE officers drag man to the ground, break car window in now-viral video", metadata.Title?.Value);
        // NBC News is cited ("NBC News reported", "according to NBC News"), The Hill is where the statement went.
        Assert.Equal(new Sourced<string>("The Hill", MetadataSource.SelfReference), metadata.Outlet);
    }

    [Fact]
    public void Seed_002_loses_embed_caption_photo_caption_update_note_and_subscription_block()
    {
        var (_, cleaned, metadata) = Load("002");
        AssertRemoved(cleaned, "Posted by Pucca Love on Monday, July 22, 2019", "embed caption");
        AssertRemoved(cleaned, "Hundreds of immigrant rights advocates", "photo caption");
        AssertRemoved(cleaned, "This article has been updated with statements", "update note");
        AssertRemoved(cleaned, "Editor's pick", "related links");
        AssertRemoved(cleaned, "Newsweek cover", "outlet branding");
        AssertRemoved(cleaned, "\u2022 Unlimited access to Newsweek.com", "subscription promo");
        AssertRemoved(cleaned, "\u2022 Newsweek magazine delivered to your door", "subscription promo");
        AssertRemoved(cleaned, "\u2022 All newsletters + podcasts", "subscription promo");

        AssertKept(cleaned, "In a statement to Newsweek, ICE defended the controversial move");
        AssertKept(cleaned, "In a statement addressing the ICE arrest, Kansas City's Mayor Sly James said: \"This issue is about hate-filled ideologies of the current administration in Washington.");
        AssertKept(cleaned, "\"We look out for each other. We mourn together, and we celebrate together.");
        Assert.EndsWith("His office has not responded to a request from Newsweek for comment.", cleaned.Text, StringComparison.Ordinal);

        Assert.Equal("Kansas City Police Officer Helping ICE Tried to Smash Family's Car Window Before Agent Broke Through Glass: Video", metadata.Title?.Value);
        Assert.Equal(new Sourced<string>("Newsweek", MetadataSource.SelfReference), metadata.Outlet);
    }

    [Fact]
    public void Seed_003_loses_app_prompts_copyright_and_the_comment_section()
    {
        var (_, cleaned, metadata) = Load("003");
        AssertRemoved(cleaned, "KCTV5.com is now with you on the go!", "app prompt");
        AssertRemoved(cleaned, ">> Click/tap here to download our free mobile app.", "app prompt");
        AssertRemoved(cleaned, "Copyright 2019", "copyright");
        AssertRemoved(cleaned, "Recommended for you", "related links");
        AssertRemoved(cleaned, "(0) comments", "comment section");
        AssertRemoved(cleaned, "Welcome to the discussion.", "comment section");
        AssertRemoved(cleaned, "Keep it Clean.", "comment rules");
        AssertRemoved(cleaned, "Don't Threaten.", "comment rules");
        AssertRemoved(cleaned, "Be Nice.", "comment rules");
        AssertRemoved(cleaned, "Share with Us.", "comment rules");

        Assert.StartsWith("KANSAS CITY, MO (KCTV) -- A Facebook live video", cleaned.Text, StringComparison.Ordinal); // dateline kept: offsets stay honest
        AssertKept(cleaned, "In an interview, Cleaver said the immigration system needs to be repaired, but the law is broken itself.");
        AssertKept(cleaned, "KCTV5 News talked to Shawn Neudauer, a spokesman for ICE");
        AssertKept(cleaned, "In a blog posted by the Kansas City Police Chief, he says in part,");

        Assert.Null(metadata.Title);
        // The dateline says KCTV; the text calls itself "KCTV5 News" (talked to, spoke with, told): the fuller name wins.
        Assert.Equal(new Sourced<string>("KCTV5 News", MetadataSource.SelfReference), metadata.Outlet);
    }

    [Fact]
    public void Seed_004_loses_the_photo_caption_and_link_text()
    {
        var (_, cleaned, metadata) = Load("004");
        AssertRemoved(cleaned, "Agencies gather Tuesday, July 23, 2019 to hold a press conference", "photo caption");
        AssertRemoved(cleaned, "Full section can be found here.", "link text");
        AssertRemoved(cleaned, "An annotated ICE administrative warrant can be found here.", "link text");
        Assert.Equal(3, cleaned.Removed.Length);

        Assert.StartsWith("KANSAS CITY \u2013 Many Kansas City residents are concerned", cleaned.Text, StringComparison.Ordinal);
        AssertKept(cleaned, "Shawn Neudauer, ICE spokesman, had this to say regarding the incident:");
        AssertKept(cleaned, "In a July 23, 2019 Facebook post, Mayor Sly James pointed to the current administration in Washington, D.C.");
        AssertKept(cleaned, "The letter, in its entirety, reads as follows:");
        Assert.EndsWith("one representative with KSMODA said.", cleaned.Text, StringComparison.Ordinal);

        Assert.Null(metadata.Title);
        Assert.Null(metadata.Outlet);
        Assert.Null(metadata.Published);
    }
}
