using Parallax.Analysis.Facts;
using Parallax.Model;
using static Parallax.Analysis.Tests.Facts.FactDocs;

namespace Parallax.Analysis.Tests.Facts;

public sealed class QuantityStageTests
{
    private const double Minute = 60, Day = 86400;

    public static TheoryData<string, string, QuantityKind, double, double, double, string, string, Qualifier> Forms => new()
    {
        // text, span, kind, value, lower, upper, unit, about, qualifier
        { "After attempting to negotiate with him for about 25 minutes, officers left.", "about 25 minutes", QuantityKind.Duration, 25 * Minute, 22.5 * Minute, 27.5 * Minute, "s", "negotiate", Qualifier.Approximate },
        { "The 32-minute video was filmed by his partner.", "32-minute", QuantityKind.Duration, 32 * Minute, 32 * Minute, 32 * Minute, "s", "video", Qualifier.Exact },
        { "In the 30-minute video, ICE refused.", "30-minute", QuantityKind.Duration, 30 * Minute, 27 * Minute, 33 * Minute, "s", "video", Qualifier.Exact },
        { "The video, which is more than 30 minutes long, shows agents.", "more than 30 minutes", QuantityKind.Duration, 30 * Minute, 30 * Minute, double.PositiveInfinity, "s", "video", Qualifier.MoreThan },
        { "He started hitting it more than 10 times in an attempt.", "more than 10 times", QuantityKind.Count, 10, 10, double.PositiveInfinity, "time", "hit", Qualifier.MoreThan },
        { "Two sergeants tried at least 21 times to break the window.", "at least 21 times", QuantityKind.Count, 21, 21, double.PositiveInfinity, "time", "try", Qualifier.AtLeast },
        { "The video has more than 42,000 views.", "more than 42,000 views", QuantityKind.Count, 42000, 42000, double.PositiveInfinity, "view", "view", Qualifier.MoreThan },
        { "It was filmed by the mother of his two young children.", "two young children", QuantityKind.Count, 2, 2, 2, "child", "child", Qualifier.Exact },
        { "They boxed in Florencio Millan-Vazquez, 32, of Mexico.", "32", QuantityKind.Age, 32, 32, 32, "year", "age", Qualifier.Exact },
        { "The couple's 11-year-old son cried.", "11-year-old", QuantityKind.Age, 11, 11, 11, "year", "son", Qualifier.Exact },
        { "I have a six-month-old in the back.", "six-month-old", QuantityKind.Age, 0.5, 0.5, 0.5, "year", "age", Qualifier.Exact },
        { "He is 45 years old.", "45 years old", QuantityKind.Age, 45, 45, 45, "year", "age", Qualifier.Exact },
        { "The city paid $1.2 million in damages.", "$1.2 million", QuantityKind.Money, 1.2e6, 1.08e6, 1.32e6, "USD", "damage", Qualifier.Exact },
        { "The bail was set at $500.", "$500", QuantityKind.Money, 500, 450, 550, "USD", "set", Qualifier.Exact },
        { "Turnout fell 10 percent among voters.", "10 percent", QuantityKind.Percent, 10, 9, 11, "%", "fall", Qualifier.Exact },
        { "About 45% of voters stayed home.", "About 45%", QuantityKind.Percent, 45, 40.5, 49.5, "%", "voter", Qualifier.Approximate },
        { "According to homeland security, this was the third time he had entered.", "third time", QuantityKind.Ordinal, 3, 3, 3, "rank", "time", Qualifier.Exact },
        { "They walked 5 miles.", "5 miles", QuantityKind.Length, 8046.72, 8046.72, 8046.72, "m", "walk", Qualifier.Exact },
        { "The 6-foot fence fell.", "6-foot", QuantityKind.Length, 1.8288, 1.8288, 1.8288, "m", "fence", Qualifier.Exact },
        { "It took 20 to 25 minutes to arrive.", "20 to 25 minutes", QuantityKind.Duration, 22.5 * Minute, 20 * Minute, 25 * Minute, "s", "take", Qualifier.Range },
        { "It took 20-25 minutes to arrive.", "20-25 minutes", QuantityKind.Duration, 22.5 * Minute, 20 * Minute, 25 * Minute, "s", "take", Qualifier.Range },
        { "Between 20 and 25 people were hurt.", "Between 20 and 25 people", QuantityKind.Count, 22.5, 20, 25, "person", "person", Qualifier.Range },
        { "Twenty-one people were hurt.", "Twenty-one people", QuantityKind.Count, 21, 21, 21, "person", "person", Qualifier.Exact },
        { "A dozen officers came.", "A dozen officers", QuantityKind.Count, 12, 10.8, 13.2, "officer", "officer", Qualifier.Approximate },
        { "Hundreds of immigrant rights advocates rallied.", "Hundreds of immigrant rights advocates", QuantityKind.Count, 200, 200, 1000, "advocate", "advocate", Qualifier.Range },
        { "One hundred twenty-five people came.", "One hundred twenty-five people", QuantityKind.Count, 125, 112.5, 137.5, "person", "person", Qualifier.Exact },
        { "However, five days after he returned to Mexico, he was stopped.", "five days", QuantityKind.Duration, 5 * Day, 5 * Day, 5 * Day, "s", "return", Qualifier.Exact },
        { "He came back after reentering the country five days later.", "five days", QuantityKind.Duration, 5 * Day, 5 * Day, 5 * Day, "s", "reenter", Qualifier.Exact },
        { "After about 25 minutes of recording, the officers smashed the window.", "about 25 minutes", QuantityKind.Duration, 25 * Minute, 22.5 * Minute, 27.5 * Minute, "s", "record", Qualifier.Approximate },
        { "After about 20 minutes, an ICE agent breaks the glass window.", "about 20 minutes", QuantityKind.Duration, 20 * Minute, 18 * Minute, 22 * Minute, "s", "break", Qualifier.Approximate },
        { "Nearly 30 people came.", "Nearly 30 people", QuantityKind.Count, 30, 27, 30, "person", "person", Qualifier.Approximate },
        { "No more than 5 people came.", "No more than 5 people", QuantityKind.Count, 5, 0, 5, "person", "person", Qualifier.AtMost },
        { "Up to 10 cars burned.", "Up to 10 cars", QuantityKind.Count, 10, 0, 10, "car", "car", Qualifier.AtMost },
        { "Fewer than 4 buses ran.", "Fewer than 4 buses", QuantityKind.Count, 4, 0, 4, "bus", "bus", Qualifier.LessThan },
        { "Under 6 boats sailed.", "Under 6 boats", QuantityKind.Count, 6, 0, 6, "boat", "boat", Qualifier.LessThan },
        { "The jury deliberated over four days.", "over four days", QuantityKind.Duration, 4 * Day, 4 * Day, double.PositiveInfinity, "s", "deliberate", Qualifier.AtLeast },
        { "He has worked there for just over 30 years.", "just over 30 years", QuantityKind.Duration, 30 * 365.2425 * Day, 30 * 365.2425 * Day, double.PositiveInfinity, "s", "work", Qualifier.AtLeast },
        { "At least 3 or more people came.", "At least 3 or more people", QuantityKind.Count, 3, 3, double.PositiveInfinity, "person", "person", Qualifier.AtLeast },
        { "It took half an hour.", "half an hour", QuantityKind.Duration, 1800, 1800, 1800, "s", "take", Qualifier.Exact },
        { "He served two and a half years in prison.", "two and a half years", QuantityKind.Duration, 2.5 * 365.2425 * Day, 2.5 * 365.2425 * Day, 2.5 * 365.2425 * Day, "s", "serve", Qualifier.Exact },
        { "A 12-member jury decided.", "12-member", QuantityKind.Count, 12, 12, 12, "member", "jury", Qualifier.Exact },
        { "The fine was €5 million.", "€5 million", QuantityKind.Money, 5e6, 4.5e6, 5.5e6, "EUR", "money", Qualifier.Exact },
        { "It weighed 1,000.5 tons.", "1,000.5 tons", QuantityKind.Other, 1000.5 * 907.18474, 1000.5 * 907.18474, 1000.5 * 907.18474, "kg", "weigh", Qualifier.Exact },
        { "There were 10-plus people inside.", "10-plus people", QuantityKind.Count, 10, 10, double.PositiveInfinity, "person", "person", Qualifier.AtLeast },
        { "The city agreed to a $5-million settlement.", "$5-million", QuantityKind.Money, 5e6, 4.5e6, 5.5e6, "USD", "settlement", Qualifier.Exact },
        { "The path is 1\u00BD miles.", "1\u00BD miles", QuantityKind.Length, 1.5 * 1609.344, 1.5 * 1609.344, 1.5 * 1609.344, "m", "mile", Qualifier.Exact },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Reads_each_form(string text, string span, QuantityKind kind, double value, double lower, double upper, string unit, string about, Qualifier qualifier)
    {
        var q = Single(text, span);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(value, q.Value, 1e-6 * Math.Max(1, Math.Abs(value)));
        Assert.Equal(lower, q.Lower, 1e-6 * Math.Max(1, Math.Abs(lower)));
        if (double.IsPositiveInfinity(upper)) Assert.True(double.IsPositiveInfinity(q.Upper));
        else Assert.Equal(upper, q.Upper, 1e-6 * Math.Max(1, Math.Abs(upper)));
        Assert.Equal(unit, q.Unit);
        Assert.Equal(about, q.About);
        Assert.Equal(qualifier, q.Qualifier);
    }

    /// <summary>Numbers that measure nothing: none of these may produce a quantity.</summary>
    [Theory]
    [InlineData("The arrest was in front of 4032 Harvard Circle, officials said.")]
    [InlineData("Call 816-555-1234 for details.")]
    [InlineData("Call (816) 555-1234 for details.")]
    [InlineData("The office is in Kansas City, MO 64106.")]
    [InlineData("In 2011, a judge granted him voluntary departure.")]
    [InlineData("We were told previously in 2017 that nothing would change.")]
    [InlineData("According to Title 8 United States Code Section 1357, officers have power.")]
    [InlineData("We are compelled by Missouri Statute 67.307 to cooperate.")]
    [InlineData("Tyler French, Service Employees International Union, Local 1, said.")]
    [InlineData("As 911 response times rise, crime rises.")]
    [InlineData("The value 1e6 appeared.")]
    [InlineData("The value 1.000,5 appeared.")]
    [InlineData("They made the arrest at about 10 a.m. on Monday.")]
    [InlineData("It happened at 10:30 in the morning.")]
    [InlineData("Posted by Pucca Love on Monday, July 22, 2019.")]
    [InlineData("The rally was on 22 July 2019 downtown.")]
    [InlineData("It was July 22nd when it happened.")]
    [InlineData("The ruling came on 7/22/2019.")]
    [InlineData("His partner and a months-old infant watched.")]
    [InlineData("The team won 3-2 and then lost 5-4.")]
    [InlineData("She grew up in the 1990s.")]
    [InlineData("KCTV5 News talked to COVID-19 experts on I-70.")]
    [InlineData("One representative said it was one of the worst days.")]
    [InlineData("Version 3.5.1 shipped.")]
    [InlineData("It was the Fourth Amendment.")]
    [InlineData("Copyright 2019 KCTV. All rights reserved.")]
    [InlineData("(0) comments")]
    [InlineData("She takes the pills twice a day.")]
    public void Skips_non_quantities(string text)
    {
        var doc = Analyse(text);
        Assert.True(doc.Quantities.IsEmpty, string.Join("; ", doc.Quantities.Select(q => $"\"{doc.Slice(q.Span)}\" {q.Kind} {q.Value}")));
    }

    /// <summary>"a month" after an amount or a frequency is the period of a rate, not a duration of anything.</summary>
    [Theory]
    [InlineData("He lives on less than 1,000 euros a month.")]
    [InlineData("They met three times a week.")]
    [InlineData("Farmers earn $345 a month.")]
    public void Rate_periods_are_not_durations(string text)
    {
        var doc = Analyse(text);
        Assert.DoesNotContain(doc.Quantities, q => q.Kind == QuantityKind.Duration);
    }

    [Fact]
    public void Street_number_is_skipped_but_the_count_before_it_is_kept()
    {
        var doc = Analyse("Two officers were at 4032 Harvard Circle on Monday.");
        var q = Assert.Single(doc.Quantities);
        Assert.Equal("Two officers", doc.Slice(q.Span));
    }

    [Fact]
    public void A_sentence_can_hold_several_quantities()
    {
        var doc = Analyse("At least two more KCPD officers came, so four KCPD officers and two ICE agents faced two adults.");
        Assert.Equal(["At least two more KCPD officers", "four KCPD officers", "two ICE agents", "two adults"],
            doc.Quantities.Select(q => doc.Slice(q.Span)).ToArray());
    }

    [Fact]
    public void Object_measures_are_told_from_event_durations()
    {
        var doc = Analyse("The 32-minute video shows it. The video, which is more than 30 minutes long, shows it. They talked for about 25 minutes.");
        Assert.Equal([true, true, false], doc.Quantities.Select(q => QuantityRoles.MeasuresObject(doc.Text, q)).ToArray());
    }

    [Fact]
    public void Stage_declares_its_layers()
    {
        var stage = new QuantityStage();
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Needs);
        Assert.Equal(Layers.Quantities, stage.Produces);
        var doc = Analyse("Two men came.");
        Assert.True(doc.Layers.HasFlag(Layers.Quantities));
    }

    [Fact]
    public void Empty_document_has_no_quantities() => Assert.Empty(Analyse("").Quantities);
}
