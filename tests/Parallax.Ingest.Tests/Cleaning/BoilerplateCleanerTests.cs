using Parallax.Ingest.Cleaning;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Cleaning;

[Collection(nameof(TimingCollection))]
public sealed class BoilerplateCleanerTests
{
    // Invented story paragraphs: long, or carrying a quote, like the body lines the cleaner must never touch.
    internal const string Body1 = "The Riverton city council voted 5-2 on Tuesday to close the Main Street bridge for repairs, a decision that will reroute about 8,000 cars a day for at least four months.";
    internal const string Body2 = "\u201cWe waited as long as we could,\u201d council member Dana Whitfield said after the vote.";

    private static CleanedText Clean(string text) => BoilerplateCleaner.Default.Clean(text);

    /// <summary>One example line per rule (several for some), with the reason it must be removed for.</summary>
    public static TheoryData<string, string> RuleExamples => new()
    {
        { "Breaking News Emails", "newsletter promo" },
        { "Daily Newsletter", "newsletter promo" },
        { "Sign up for our morning newsletter to get the day's top stories in your inbox.", "newsletter promo" },
        { "Subscribe now", "subscription promo" },
        { "Already a subscriber? Log in here", "subscription promo" },
        { "Support local journalism. Subscribe today.", "subscription promo" },
        { "\u2022 Unlimited access to Example.com", "subscription promo" },
        { "Riverton Herald logo", "outlet branding" },
        { "(3) comments", "comment section" },
        { "Join the conversation", "comment section" },
        { "Schreibe einen Kommentar", "comment section" },
        { "Keep it Clean. Please avoid obscene or vulgar language.", "comment rules" },
        { "Don\u2019t Threaten. Threats of harm will not be tolerated.", "comment rules" },
        { "Download our free news app for breaking alerts.", "app prompt" },
        { ">> Tap here to get the Riverton Herald app <<", "app prompt" },
        { "RivertonNow.com is now with you on the go! Get the latest updates and weather.", "app prompt" },
        { "Click here to see the full list of closed roads.", "link prompt" },
        { "Share this article", "share prompt" },
        { "Follow us on Instagram", "share prompt" },
        { "Copyright 2024 Riverton Media Group. All rights reserved.", "copyright" },
        { "\u00a9 2023 Example News Company", "copyright" },
        { "Riverton Media Group. All rights reserved.", "copyright" },
        { "This material may not be published, broadcast, rewritten or redistributed.", "copyright" },
        { "Photo: A crowd gathers outside city hall on Tuesday.", "photo caption" },
        { "Photo by Jane Placeholder", "photo credit" },
        { "Foto: Jane Placeholder", "photo credit" },
        { "Von Jane Placeholder", "byline" },
        { "Crowds gather at the river on Tuesday. Photo: Jane Placeholder/Riverton Herald", "photo caption" },
        { "By Jane Placeholder, Riverton Herald", "byline" },
        { "By Jane Placeholder and Sam Example", "byline" },
        { "Stay with KRVT News for updates on this developing story.", "station promo" },
        { "\u00a9 Jane Placeholder", "photo credit" },
        { "Volunteers fill sandbags near the river on Sunday. PHOTO/Jane Placeholder", "photo caption" },
        { "Firefighters work at the scene on Elm Street (Photo: Sam Example)", "photo caption" },
        { "Protesters march downtown on Saturday, June 1, 2024 in Riverton. Jane Placeholder/Getty Images", "photo caption" },
        { "Residents gather at a vigil. Sam Example/AFP via Getty Images", "photo caption" },
        { "The governor speaks in the capital on Monday. (AP Photo/Sam Example)", "photo caption" },
        { "Storm clouds gather over the harbor. Getty Images", "photo caption" },
        { "Posted by Riverton Fire Department on Friday, March 3, 2023", "embed caption" },
        { "\u2014 Sam Example (@samexample) March 3, 2023", "embed caption" },
        { "View this post on Instagram", "embed caption" },
        { "Recommended for you", "related links" },
        { "Editor\u2019s picks", "related links" },
        { "More from Riverton Herald", "related links" },
        { "Das könnte Sie auch interessieren", "related links" },
        { "READ MORE: City council approves new budget", "related links" },
        { "The full report can be found here.", "link text" },
        { "This story has been updated to include a statement from the county.", "update note" },
        { "Correction: An earlier version of this story misstated the date of the vote.", "update note" },
        { "Updated 10:04 AM EDT Jul 23, 2024", "update note" },
        { "Advertisement", "page furniture" },
        { "Story continues below advertisement", "page furniture" },
    };

    [Theory]
    [MemberData(nameof(RuleExamples))]
    public void Each_rule_removes_its_line_between_body_paragraphs(string line, string reason)
    {
        var cleaned = Clean($"{Body1}\n\n{line}\n\n{Body2}");
        Assert.Equal($"{Body1}\n\n{Body2}", cleaned.Text);
        Assert.Equal([new RemovedText(line, reason)], cleaned.Removed);
    }

    [Fact]
    public void Every_rule_in_the_table_is_exercised_and_documented()
    {
        var examples = RuleExamples.Select(row => (string)row.Data.Item1).ToList();
        foreach (var rule in BoilerplateRules.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Why), $"rule for '{rule.Reason}' says why it exists");
            Assert.Contains(examples, e => ReferenceEquals(BoilerplateRules.Match(e, BoilerplateRules.CountWords(e)), rule));
        }
    }

    /// <summary>Story sentences that share words with boilerplate must stay.</summary>
    [Theory]
    [InlineData("Officials urged residents to download the county's free emergency app before the storm arrived.")]
    [InlineData("The photo, taken by a neighbor, shows two officers at the door.")]
    [InlineData("Comments from the public will be accepted until Friday, the clerk said.")]
    [InlineData("Subscribers to the water utility will see higher bills next year, officials said.")]
    [InlineData("Be nice to each other, the principal told students at the assembly.")]
    [InlineData("The report can be read online, according to the agency.")]
    [InlineData("Copyright law was at the center of the dispute, the lawyer said.")]
    [InlineData("Share prices fell sharply on Monday after the announcement.")]
    [InlineData("Posted by a neighbor on Monday, the video drew thousands of views within hours.")]
    [InlineData("Updated figures released Tuesday showed the number of cases rising.")]
    [InlineData("Related charges were filed against two other men, prosecutors said.")]
    [InlineData("More from the hearing is expected on Wednesday.")]
    [InlineData("Watch: the video shows officers approaching the car.")]
    [InlineData("Sign language interpreters were present at the briefing.")]
    [InlineData("Recommended changes to the policy were sent to the board.")]
    [InlineData("In a statement, the company said all rights reserved by the contract were honored.")]
    public void Body_sentences_that_resemble_boilerplate_stay(string sentence)
    {
        var cleaned = Clean($"{Body1}\n\n{sentence}\n\n{Body2}");
        Assert.Empty(cleaned.Removed);
        Assert.Equal($"{Body1}\n\n{sentence}\n\n{Body2}", cleaned.Text);
    }

    [Fact]
    public void Header_line_gives_way_and_the_promo_after_it_is_removed()
    {
        var cleaned = Clean($" date 2019-07-23 Breaking News Emails\n{Body1}\n{Body2}");
        Assert.Equal($"{Body1}\n{Body2}", cleaned.Text);
        Assert.Equal([new RemovedText("date 2019-07-23", "date header"), new RemovedText("Breaking News Emails", "newsletter promo")], cleaned.Removed);
    }

    [Fact]
    public void Header_followed_by_a_headline_keeps_the_headline()
    {
        var cleaned = Clean($"date 2021-01-05 Council Votes to Close Main Street Bridge\n\n{Body1}");
        Assert.Equal($"Council Votes to Close Main Street Bridge\n\n{Body1}", cleaned.Text);
        Assert.Equal([new RemovedText("date 2021-01-05", "date header")], cleaned.Removed);
    }

    [Fact]
    public void A_date_line_deep_in_the_body_is_not_a_header()
    {
        var text = $"{Body1}\n{Body2}\n{Body1}\ndate 2020-01-01 was the deadline for the filing, records show.";
        Assert.Empty(Clean(text).Removed);
    }

    [Fact]
    public void Trailing_comment_section_is_removed_to_the_end()
    {
        var text = $"{Body1}\n\n{Body2}\n\n(0) comments\n\nWelcome to the discussion.\n\n"
            + "Keep it Clean. Please avoid obscene language.\nStay Kind. Treat other readers with respect.\nLog in or register";
        var cleaned = Clean(text);
        Assert.Equal($"{Body1}\n\n{Body2}", cleaned.Text);
        Assert.Equal(
            ["comment section", "comment section", "comment rules", "comment rules", "comment section"],
            cleaned.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void Subscription_block_at_the_end_takes_its_bullets_and_branding()
    {
        var text = $"{Body1}\n\n{Body2}\n\nRiverton Herald logo\n  \u2022 Home delivery every Sunday\n  \u2022 Members-only events\nRiverton Herald logo\n  \u2022 Home delivery every Sunday";
        var cleaned = Clean(text);
        Assert.Equal($"{Body1}\n\n{Body2}", cleaned.Text);
        Assert.All(cleaned.Removed, r => Assert.Contains(r.Reason, new[] { "outlet branding", "subscription promo" }));
        Assert.Equal(5, cleaned.Removed.Length);
    }

    [Fact]
    public void An_opener_in_the_middle_removes_only_itself()
    {
        var cleaned = Clean($"{Body1}\n\nRecommended for you\n\nShort line here\n\n{Body1}");
        Assert.Equal([new RemovedText("Recommended for you", "related links")], cleaned.Removed);
        Assert.Contains("Short line here", cleaned.Text);
    }

    [Fact]
    public void A_quote_after_a_trailing_promo_stays()
    {
        var cleaned = Clean($"{Body1}\n\nSubscribe now\n\n\u201cIt was terrifying,\u201d she said.");
        Assert.Equal($"{Body1}\n\n\u201cIt was terrifying,\u201d she said.", cleaned.Text);
        Assert.Single(cleaned.Removed);
    }

    [Fact]
    public void Bullets_under_a_promo_in_the_middle_are_perks_but_body_bullets_stay()
    {
        var text = $"{Body1}\nSubscribe now\n\u2022 Home delivery every Sunday\n\u2022 Members-only events\n{Body2}\n- The bridge closes on Monday\n- Detours run along Elm Street\n{Body1}";
        var cleaned = Clean(text);
        Assert.Equal(["subscription promo", "subscription promo", "subscription promo"], cleaned.Removed.Select(r => r.Reason));
        Assert.Contains("- The bridge closes on Monday\n- Detours run along Elm Street", cleaned.Text);
    }

    [Fact]
    public void Lines_are_trimmed_and_blank_runs_collapse_to_one_paragraph_break()
    {
        var cleaned = Clean($"\n\n   {Body1}   \n\u00a0\n \n\n\t{Body2}\t\n\n\n");
        Assert.Equal($"{Body1}\n\n{Body2}", cleaned.Text);
    }

    [Fact]
    public void Crlf_input_is_cleaned_like_lf_input()
    {
        var cleaned = Clean($"{Body1}\r\n\r\nAdvertisement\r\n{Body2}\r\n");
        Assert.Equal($"{Body1}\n\n{Body2}", cleaned.Text);
        Assert.Single(cleaned.Removed);
    }

    [Fact]
    public void Text_of_only_boilerplate_cleans_to_empty()
    {
        var cleaned = Clean("Breaking News Emails\n\nAdvertisement\n(0) comments");
        Assert.Equal("", cleaned.Text);
        Assert.Equal(3, cleaned.Removed.Length);
    }

    [Fact]
    public void Long_lines_with_few_words_are_handled_in_linear_time()
    {
        // Few words (so every rule is tried) but hundreds of thousands of characters, full of near-misses.
        static string Input(int length)
        {
            var big = new string('x', length);
            var lines = new[]
            {
                "Read more: " + big + " Getty",
                "Posted by " + big + " on Monday, July 22, 2019 " + big,
                "Photo " + big + " / " + big,
                "\u00a9 " + big + "/Getty/" + big,
            };
            return string.Join("\n", lines) + "\n" + Body1;
        }
        string small = Input(40_000), large = Input(400_000);
        Assert.EndsWith(Body1, Clean(large).Text);
        LinearTime.Assert(() => Clean(small), () => Clean(large));
    }
}
