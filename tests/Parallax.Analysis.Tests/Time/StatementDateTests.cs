using Parallax.Analysis.Pipeline;
using Parallax.Model;

namespace Parallax.Analysis.Tests.Time;

/// <summary>"this morning" inside a statement with its own date counts from the statement's day, not the article's;
/// a statement quoted word for word with no known day says no day at all.</summary>
public sealed class StatementDateTests
{
    private static readonly DocumentPipeline Full = StandardPipeline.Create();
    private static readonly DateOnly Published = new(2019, 7, 25); // a Thursday

    private static TimeExpression Time(string text, string span)
    {
        var doc = Full.Run(new Document
        {
            Id = "d1",
            Origin = "test",
            Text = text,
            Metadata = new DocumentMetadata { Published = new Sourced<DateOnly>(Published, MetadataSource.Input) },
        });
        var found = doc.Times.Where(t => doc.Slice(t.Span) == span).ToArray();
        Assert.True(found.Length == 1, $"expected \"{span}\", found: {string.Join("; ", doc.Times.Select(t => $"\"{doc.Slice(t.Span)}\" {t.Iso}"))}");
        return found[0];
    }

    [Theory]
    [InlineData("In a statement on Monday, the agency said: “Our officers made the arrest this morning after a long talk.”", "this morning", "2019-07-22")]
    [InlineData("“Our officers made the arrest this morning,” the agency said in a statement on Monday.", "this morning", "2019-07-22")]
    [InlineData("In a statement on Monday, the agency said its officers made the arrest this morning.", "this morning", "2019-07-22")]
    [InlineData("“We heard the crash last night and ran outside,” Dana Whitfield told reporters on Tuesday.", "last night", "2019-07-22")]
    [InlineData("“The bridge stays closed today,” Mayor Ellen Park said in a statement dated July 20, 2019.", "today", "2019-07-20")]
    public void A_dated_statement_counts_days_from_its_own_date(string text, string span, string iso)
    {
        var t = Time(text, span);
        Assert.Equal(iso, t.Iso);
        Assert.True(t.Relative);
    }

    [Theory]
    [InlineData("The other day, police told KCTV5 News, “That was the case in this response today.”", "today")]
    [InlineData("“We heard the crash this afternoon and ran outside,” Dana Whitfield said.", "this afternoon")]
    public void A_statement_of_unknown_date_says_no_day(string text, string span)
    {
        var t = Time(text, span);
        Assert.Null(t.Iso);
        Assert.True(t.Relative);
    }

    [Theory]
    // A reporter's own sentence, and reported speech without a date, count from the article's day as before.
    [InlineData("The bridge reopened this morning after repairs.", "this morning", "2019-07-25")]
    [InlineData("Police said the man was arrested yesterday.", "yesterday", "2019-07-24")]
    [InlineData("The tug struck the bridge last night.", "last night", "2019-07-24")]
    public void Words_outside_a_dated_statement_count_from_the_article(string text, string span, string iso) =>
        Assert.Equal(iso, Time(text, span).Iso);

    [Fact]
    public void The_statement_date_itself_stays_the_articles()
    {
        // "on Monday" is the reporter's, counted from the article; only the quoted words move.
        Assert.Equal("2019-07-22", Time("“Our officers made the arrest this morning,” the agency said in a statement on Monday.", "Monday").Iso);
    }
}
