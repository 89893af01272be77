using Parallax.Analysis.Time;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Time;

public sealed class TimeStageTests
{
    private static readonly DateOnly Published = new(2019, 7, 23); // a Tuesday

    private static TimeExpression One(string text, string span, DateOnly? published)
    {
        var doc = Analyse(text, published);
        var found = doc.Times.Where(t => doc.Slice(t.Span) == span).ToArray();
        Assert.True(found.Length == 1, $"expected \"{span}\", found: {string.Join("; ", doc.Times.Select(t => $"\"{doc.Slice(t.Span)}\""))}");
        return found[0];
    }

    [Theory]
    [InlineData("The arrest happened Monday.", "Monday", "2019-07-22", DatePrecision.Day, true)]
    [InlineData("They rallied on Tuesday.", "Tuesday", "2019-07-23", DatePrecision.Day, true)]
    [InlineData("Agencies met Tuesday afternoon to talk.", "Tuesday afternoon", "2019-07-23", DatePrecision.Day, true)]
    [InlineData("The July 22, 2019 video went viral.", "July 22, 2019", "2019-07-22", DatePrecision.Day, false)]
    [InlineData("Agencies gather Tuesday, July 23, 2019 to talk.", "Tuesday, July 23, 2019", "2019-07-23", DatePrecision.Day, false)]
    [InlineData("The rally was on June 1, 2018 in New York.", "June 1, 2018", "2018-06-01", DatePrecision.Day, false)]
    [InlineData("In 2011, a judge ruled.", "2011", "2011", DatePrecision.Year, false)]
    [InlineData("In March 2017, ICE issued a policy.", "March 2017", "2017-03", DatePrecision.Month, false)]
    [InlineData("They made the arrest at about 10 a.m. on Monday in front of the house.", "10 a.m. on Monday", "2019-07-22T10:00", DatePrecision.Minute, true)]
    [InlineData("It happened yesterday.", "yesterday", "2019-07-22", DatePrecision.Day, true)]
    [InlineData("That was the case today.", "today", "2019-07-23", DatePrecision.Day, true)]
    [InlineData("It rose last year.", "last year", "2018", DatePrecision.Year, true)]
    [InlineData("He left three days ago.", "three days ago", "2019-07-20", DatePrecision.Day, true)]
    [InlineData("The call came on July 22 and was entered.", "July 22", "2019-07-22", DatePrecision.Day, true)]
    [InlineData("It opened in March.", "March", "2019-03", DatePrecision.Month, true)]
    [InlineData("It closed in December.", "December", "2018-12", DatePrecision.Month, true)]
    [InlineData("The vote will be held on Friday.", "Friday", "2019-07-26", DatePrecision.Day, true)]
    [InlineData("The bridge will stay closed to cars and streetcars at least through Friday.", "Friday", "2019-07-26", DatePrecision.Day, true)]
    [InlineData("We met last Monday.", "last Monday", "2019-07-22", DatePrecision.Day, true)]
    [InlineData("The file is dated 2019-07-23.", "2019-07-23", "2019-07-23", DatePrecision.Day, false)]
    [InlineData("The ruling came on 7/22/2019.", "7/22/2019", "2019-07-22", DatePrecision.Day, false)]
    [InlineData("The rally was on 22 July 2019 downtown.", "22 July 2019", "2019-07-22", DatePrecision.Day, false)]
    [InlineData("We met at noon on Tuesday.", "noon on Tuesday", "2019-07-23T12:00", DatePrecision.Minute, true)]
    // Counts before a duration unit, each way the fast path must let through: an article, a hyphenated number, capitals.
    [InlineData("He left a week ago.", "a week ago", "2019-07-16", DatePrecision.Day, true)]
    [InlineData("He left twenty-one days ago.", "twenty-one days ago", "2019-07-02", DatePrecision.Day, true)]
    [InlineData("\u201CTWO DAYS AGO,\u201D he said, they left.", "TWO DAYS AGO", "2019-07-21", DatePrecision.Day, true)]
    public void Resolves_against_publication(string text, string span, string iso, DatePrecision precision, bool relative)
    {
        var t = One(text, span, Published);
        Assert.Equal(iso, t.Iso);
        Assert.Equal(precision, t.Precision);
        Assert.Equal(relative, t.Relative);
    }

    [Theory]
    [InlineData("The arrest happened Monday.", "Monday", DatePrecision.Day)]
    [InlineData("They made the arrest at about 10 a.m. on Monday.", "10 a.m. on Monday", DatePrecision.Minute)]
    [InlineData("It happened yesterday.", "yesterday", DatePrecision.Day)]
    [InlineData("It rose last year.", "last year", DatePrecision.Year)]
    [InlineData("The call came on July 22 and was entered.", "July 22", DatePrecision.Day)]
    public void Without_publication_date_relative_expressions_stay_unresolved(string text, string span, DatePrecision precision)
    {
        var t = One(text, span, null);
        Assert.Null(t.Iso);
        Assert.True(t.Relative);
        Assert.Equal(precision, t.Precision);
    }

    [Theory]
    [InlineData("He came back five days later.", "five days later")]
    [InlineData("However, five days after he returned, he was stopped.", "five days after")]
    [InlineData("Days after returning to Mexico, he tried again.", "Days after")]
    [InlineData("The other day, police told us.", "The other day")]
    [InlineData("An hour later, police told us.", "An hour later")]
    public void Event_relative_expressions_never_resolve(string text, string span)
    {
        var t = One(text, span, Published);
        Assert.Null(t.Iso);
        Assert.True(t.Relative);
    }

    [Fact]
    public void Absolute_dates_resolve_without_publication_date()
    {
        var t = One("In 2011, a judge ruled.", "2011", null);
        Assert.Equal("2011", t.Iso);
        Assert.False(t.Relative);
    }

    [Theory]
    [InlineData("According to Title 8 Code Section 1357, officers have power.")]
    [InlineData("In the minutes before the moment, an officer tried.")]
    [InlineData("May said she would come.")]
    [InlineData("They march on the capitol.")]
    [InlineData("The video has 2000 views.")]
    [InlineData("Over 30 people came.")]
    [InlineData("Send letters to 1180 Pier Road, Port Alden.")]
    [InlineData("The office moved to 2019 Main Street last spring.")]
    [InlineData("The fort was built in 1180 by monks.")]
    public void Not_time_expressions(string text)
    {
        var doc = Analyse(text, Published);
        Assert.True(doc.Times.IsEmpty, string.Join("; ", doc.Times.Select(t => doc.Slice(t.Span))));
    }

    [Fact]
    public void Stage_declares_its_layers()
    {
        var stage = new TimeStage();
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Needs);
        Assert.Equal(Layers.Times, stage.Produces);
    }
}
