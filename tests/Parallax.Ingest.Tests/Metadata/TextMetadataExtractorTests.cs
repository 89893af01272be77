using FsCheck;
using FsCheck.Xunit;
using Parallax.Ingest.Metadata;
using Parallax.Model;

namespace Parallax.Ingest.Tests.Metadata;

[Collection(nameof(TimingCollection))]
public sealed class TextMetadataExtractorTests
{
    private const string Body = "The Riverton city council voted 5-2 on Tuesday to close the Main Street bridge for repairs.";

    private static DocumentMetadata Extract(string text) => TextMetadataExtractor.Default.Extract(text);

    // ---- title ------------------------------------------------------------------------------------------------

    [Fact]
    public void Sentence_case_headline_standing_alone_is_the_title() =>
        Assert.Equal(new Sourced<string>("Council closes bridge for four months, angering commuters", MetadataSource.Header),
            Extract($"Council closes bridge for four months, angering commuters\n\n{Body}").Title);

    [Fact]
    public void Title_case_headline_directly_followed_by_text_is_the_title() =>
        Assert.Equal("Council Closes Main Street Bridge for Repairs", Extract($"Council Closes Main Street Bridge for Repairs\n{Body}").Title?.Value);

    [Fact]
    public void A_headline_above_a_byline_is_the_title_and_the_byline_names_the_outlet()
    {
        var m = Extract($"date 2024-05-02\nCouncil closes bridge for four months\nBy Jane Placeholder, Riverton Herald\n\n{Body}");
        Assert.Equal("Council closes bridge for four months", m.Title?.Value);
        Assert.Equal(new Sourced<string>("Riverton Herald", MetadataSource.Byline), m.Outlet);
    }

    [Theory]
    [InlineData("By Jane Placeholder, Staff Writer")]
    [InlineData("By Jane Placeholder")]
    public void A_byline_without_an_outlet_gives_none(string byline) =>
        Assert.Null(Extract($"Council closes bridge for four months\n{byline}\n\n{Body}").Outlet);

    [Fact]
    public void Sentence_case_line_directly_followed_by_text_is_not_a_title() =>
        Assert.Null(Extract($"Council closes bridge for four months\n{Body}").Title);

    [Fact]
    public void A_credit_line_under_the_headline_still_lets_it_stand_alone() =>
        Assert.Equal("Council closes bridge for four months", Extract($"Council closes bridge for four months\n\u00a9 Jane Placeholder\n\n{Body}").Title?.Value);

    [Theory]
    [InlineData("The council voted on Tuesday to close the bridge.")]                  // a sentence
    [InlineData("KANSAS CITY, MO (KRVT) -- Crews worked through the night")]            // a dateline
    [InlineData("RIVERTON \u2013 Crews worked through the night")]                      // a dateline without outlet
    [InlineData("Crews Work Through the Night. More Storms Are Expected Later")]       // two sentences
    [InlineData("one lowercase start of a line")]
    [InlineData("Word")]
    public void Lines_that_are_not_headlines_give_no_title(string first) =>
        Assert.Null(Extract($"{first}\n\n{Body}").Title);

    [Fact]
    public void Overlong_first_line_is_not_a_title() =>
        Assert.Null(Extract(string.Join(' ', Enumerable.Repeat("Council Votes", 60)) + "\n\n" + Body).Title);

    [Fact]
    public void Header_and_leading_caption_are_skipped_to_reach_the_headline()
    {
        var m = Extract($"date 2024-03-05\nVolunteers fill sandbags on Sunday. PHOTO/Jane Placeholder\nRiver Crests Below Flood Stage\n\n{Body}");
        Assert.Equal("River Crests Below Flood Stage", m.Title?.Value);
        Assert.Equal(new DateOnly(2024, 3, 5), m.Published?.Value);
    }

    [Fact]
    public void Markdown_heading_marks_are_not_part_of_the_title() =>
        Assert.Equal("River Crests Below Flood Stage", Extract($"# River Crests Below Flood Stage\n\n{Body}").Title?.Value);

    // ---- date -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(" date 2019-07-23 Breaking News Emails")]
    [InlineData("date 2019-07-23")]
    [InlineData("Published: 2019-07-23T14:05:00-05:00")]
    [InlineData("DATE 2019-07-23")]
    public void Date_header_gives_the_publication_date(string header) =>
        Assert.Equal(new Sourced<DateOnly>(new DateOnly(2019, 7, 23), MetadataSource.Header), Extract($"{header}\n{Body}").Published);

    [Theory]
    [InlineData("date 2019-02-30")]                 // not a calendar date
    [InlineData("The date 2019-07-23 was set.")]    // not a header
    public void No_header_no_date(string line) => Assert.Null(Extract($"{line}\n{Body}").Published);

    [Fact]
    public void A_date_line_below_the_first_lines_is_not_a_header() =>
        Assert.Null(Extract($"{Body}\n{Body}\n{Body}\n{Body}\ndate 2019-07-23").Published);

    // ---- outlet -----------------------------------------------------------------------------------------------

    [Fact]
    public void Dateline_names_the_outlet() =>
        Assert.Equal(new Sourced<string>("KRVT", MetadataSource.Dateline), Extract($"RIVERTON, MO (KRVT) -- {Body}").Outlet);

    [Fact]
    public void Wire_dateline_names_the_agency() =>
        Assert.Equal(new Sourced<string>("AP", MetadataSource.Dateline), Extract($"WASHINGTON (AP) \u2014 {Body}").Outlet);

    [Theory]
    [InlineData("Rep. Jane Doe (D-Mo.) - who chairs the committee - voted no.")]
    [InlineData("Riverton Mayor Sam Example (R) -- in office since 2019 -- spoke first.")]
    public void Parenthesised_party_after_a_name_is_not_a_dateline(string line) =>
        Assert.Null(Extract($"{line}\n\n{Body}").Outlet);

    [Fact]
    public void Fuller_self_reference_extending_the_dateline_wins() =>
        Assert.Equal(new Sourced<string>("KRVT4 News", MetadataSource.SelfReference),
            Extract($"RIVERTON, MO (KRVT) -- {Body}\n\nKRVT4 News spoke with the mayor on Wednesday.").Outlet);

    [Fact]
    public void Unrelated_self_reference_does_not_override_the_dateline() =>
        Assert.Equal(new Sourced<string>("AP", MetadataSource.Dateline),
            Extract($"WASHINGTON (AP) \u2014 {Body}\n\nThe senator said in a statement to The Riverton Herald that she disagreed.").Outlet);

    [Theory]
    [InlineData("In a statement to The Riverton Herald, the county defended the decision.", "The Riverton Herald")]
    [InlineData("The mayor's office did not respond to a request from Newsweek for comment.", "Newsweek")]
    [InlineData("KRVT4 News talked to three commuters on Wednesday.", "KRVT4 News")]
    [InlineData("On Monday KRVT4 News spoke with the mayor.", "KRVT4 News")]
    [InlineData("A spokesperson said in a statement to The Hill that the review continues.", "The Hill")]
    [InlineData("The Riverton Gazette has reached out to the county for comment.", "The Riverton Gazette")]
    [InlineData("Officials confirmed to Riverton Daily News that the bridge would close.", "Riverton Daily News")]
    public void Self_reference_names_the_outlet(string sentence, string outlet) =>
        Assert.Equal(new Sourced<string>(outlet, MetadataSource.SelfReference), Extract($"{Body}\n\n{sentence}").Outlet);

    [Fact]
    public void Outlet_cited_for_its_reporting_is_never_the_outlet()
    {
        var text = $"{Body}\n\nThe mayor told NBC News she was surprised, NBC News reported. The county told NBC News the same.\n\n"
            + "According to NBC News, the bridge will close in May.";
        Assert.Null(Extract(text).Outlet);
    }

    [Fact]
    public void Cited_outlet_is_skipped_and_the_self_referenced_one_kept()
    {
        var text = $"{Body}\n\nThe mayor told NBC News she was surprised, NBC News reported.\n\nA spokesperson said in a statement to The Riverton Herald that the review continues.";
        Assert.Equal("The Riverton Herald", Extract(text).Outlet?.Value);
    }

    [Fact]
    public void One_told_is_not_enough_two_are()
    {
        Assert.Null(Extract($"{Body} The mayor told CNN she was surprised.").Outlet);
        Assert.Equal("CNN", Extract($"{Body} The mayor told CNN she was surprised. Her deputy told CNN the same.").Outlet?.Value);
    }

    [Theory]
    [InlineData("The mayor told Smith she was surprised. Her deputy told Smith the same.")]
    [InlineData("In a statement to Mayor Jones, the union said it would strike.")]
    [InlineData("In a statement to The Department of Transportation, residents objected.")]
    [InlineData("According to ICE, the man had been deported before.")]
    public void People_and_agencies_are_not_outlets(string sentence) =>
        Assert.Null(Extract($"{Body}\n\n{sentence}").Outlet);

    [Fact]
    public void Two_outlets_with_equal_evidence_give_no_outlet() =>
        Assert.Null(Extract($"{Body} She said in a statement to Newsweek. He said in a statement to The Riverton Herald.").Outlet);

    [Fact]
    public void Possessive_outlet_names_are_normalised() =>
        Assert.Equal("Newsweek", Extract($"{Body} The county did not answer Newsweek's questions or a request from Newsweek's reporter.").Outlet?.Value);

    [Fact]
    public void Text_without_evidence_has_no_metadata()
    {
        var m = Extract($"{Body}\n{Body}");
        Assert.Null(m.Title);
        Assert.Null(m.Outlet);
        Assert.Null(m.Published);
        Assert.Null(m.Url);
    }

    [Fact]
    public void Long_lines_do_not_slow_the_extractor()
    {
        static string Input(int repeats) => string.Concat(Enumerable.Repeat("Riverton News Riverton Post told The ", repeats)) + "\n" + Body;
        string small = Input(5_000), large = Input(50_000);
        LinearTime.Assert(() => Extract(small), () => Extract(large));
    }

    [Property(MaxTest = 300)]
    public bool Extractor_never_throws(NonNull<string> text)
    {
        var m = Extract(text.Get);
        return m.Title is null || m.Title.Value.Value.Length <= TextMetadataExtractor.MaxTitleLength;
    }
}
