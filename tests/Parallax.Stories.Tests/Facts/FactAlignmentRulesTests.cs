using Parallax.Analysis.Facts;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>The alignment rules: claims are compared only when measure, holder and scope agree, a dispute needs strong
/// evidence, and a revised running total is an update.</summary>
public sealed class FactAlignmentRulesTests
{
    internal static Document Dated(string id, string text, DateOnly published) => FactAlignerTests.Pipeline.Run(new Document
    {
        Id = id, Origin = id, Text = text,
        Metadata = new DocumentMetadata { Published = new Sourced<DateOnly>(published, MetadataSource.Input) },
    });

    private static Fact[] Shown(FactAlignment r, FactStatus status) => [.. r.Facts.Where(f => f.Status == status)];

    [Fact]
    public void The_dead_and_the_injured_are_never_one_fact()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Five people were killed in the Harlan warehouse fire on Friday."),
            FactAlignerTests.Doc("d2", "Two people were injured in the Harlan warehouse fire on Friday."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void A_part_is_never_counted_against_the_whole()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Four people were killed in the Harlan blast, police said."),
            FactAlignerTests.Doc("d2", "Two more people were killed in the Harlan blast, police said."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
        var part = Assert.Single(r.Facts, f => f.Claims.Any(c => c.Scope == "part"));
        Assert.EndsWith("(part of a total)", part.About, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wider_total_is_never_counted_against_the_story()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Two people were killed in the Harlan shooting, police said."),
            FactAlignerTests.Doc("d2", "So far this year, 40 people were killed in shootings in Harlan, police said."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void People_with_nothing_said_of_them_are_too_weak_to_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Three people stood at the Harlan warehouse gate."),
            FactAlignerTests.Doc("d2", "Five people stood at the Harlan warehouse gate, witnesses said."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void Specific_counted_things_group_but_a_bare_count_with_no_verb_or_holder_does_not_dispute()
    {
        // Precision first (eval/ecbplus-disputes-audit.tsv): "two boats" vs "three boats" with nothing saying they are
        // the same boats is shown as one fact, not as a disagreement.
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The pirates attacked the tanker Gibe from two boats, the navy said."),
            FactAlignerTests.Doc("d2", "The pirates attacked the tanker Gibe from three boats, the navy said."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
        var fact = Assert.Single(r.Facts, f => f.About == "number of boats");
        Assert.Equal(2, fact.Claims.Length);
        Assert.Contains(fact.Evidence, e => e.StartsWith("why compared: same measure (boat)", StringComparison.Ordinal));
        Assert.Contains(fact.Evidence, e => e.StartsWith("not compared: the numbers count a bare noun", StringComparison.Ordinal));
    }

    [Fact]
    public void Ages_of_different_people_never_merge()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "A 12-year-old girl was hurt at the Harlan pool on Sunday."),
            FactAlignerTests.Doc("d2", "A 15-year-old boy was hurt at the Harlan pool on Sunday."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
        Assert.Contains(r.Facts, f => f.About == "age of the girl");
    }

    [Fact]
    public void Two_numbers_of_one_sentence_stay_two_facts()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "In the Harlan case he was sentenced to 2 years, with 9 months to serve."),
            FactAlignerTests.Doc("d2", "In the Harlan case he served 9 months of his sentence."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void A_provisional_toll_revised_by_a_later_report_is_an_update()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "The Harlan earthquake killed at least three people. Officials said three people were killed in Harlan.", new DateOnly(2025, 3, 3)),
            Dated("d2", "The Harlan earthquake killed 10 people, officials said on Tuesday.", new DateOnly(2025, 3, 4)),
        ]);
        var fact = Assert.Single(Shown(r, FactStatus.Updated));
        Assert.Equal("people killed", fact.About);
        Assert.Contains(fact.Evidence, e => e.StartsWith("updated:", StringComparison.Ordinal));
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void Two_firm_figures_on_different_days_are_still_a_dispute()
    {
        var r = FactAlignerTests.Align([
            Dated("d1", "The Harlan earthquake killed three people, officials said.", new DateOnly(2025, 3, 3)),
            Dated("d2", "The Harlan earthquake killed 10 people, officials said on Tuesday.", new DateOnly(2025, 3, 4)),
        ]);
        Assert.Single(Shown(r, FactStatus.Disputed));
        Assert.Empty(Shown(r, FactStatus.Updated));
    }

    [Fact]
    public void Counts_without_digits_meet_counts_of_people_and_carry_measure_holder_scope()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "A man was killed in the Harlan shooting on Friday night."),
            FactAlignerTests.Doc("d2", "One man was killed in the Harlan shooting, police said."),
        ]);
        var fact = Assert.Single(r.Facts);
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal("people killed", fact.About);
        Assert.All(fact.Claims, c =>
        {
            Assert.Equal("killed:person", c.Measure);
            Assert.Equal("event", c.Holder);
            Assert.Equal("whole", c.Scope);
        });
    }

    [Fact]
    public void Two_parts_picked_out_of_a_group_never_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Inside the jury room, the three holdouts told the other nine jurors of the Harlan trial they would not vote for death."),
            FactAlignerTests.Doc("d2", "Eight of the jurors of the Harlan trial were black, the holdouts said."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void Ordinals_of_time_move_on_and_never_dispute()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Riots shook Harlan for the sixth straight day since the police shooting of a teenager."),
            FactAlignerTests.Doc("d2", "Rioters attacked banks in Harlan on the eighth day of protests since the police shooting of a teenager."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void A_verb_tied_measure_never_disputes_another_measure()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Police locked down the Harlan neighbourhood for almost three hours while they negotiated with the suspect."),
            FactAlignerTests.Doc("d2", "Police spent about two hours negotiating with the suspect in the Harlan neighbourhood."),
        ]);
        Assert.Empty(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void The_same_verb_tied_measure_still_disputes()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The Harlan jury deliberated for 40 hours over four days before it deadlocked on the penalty."),
            FactAlignerTests.Doc("d2", "The Harlan jury deliberated for 30 hours over four days before it deadlocked on the penalty."),
        ]);
        Assert.Single(Shown(r, FactStatus.Disputed));
    }

    [Fact]
    public void Ages_beside_an_earlier_date_still_meet()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "Brian Nichols, 37, was found guilty last month of the Harlan courthouse killings."),
            FactAlignerTests.Doc("d2", "Brian Nichols, 37, was sentenced on Saturday for the Harlan courthouse killings."),
        ]);
        var age = Assert.Single(r.Facts, f => f.Kind == QuantityKind.Age);
        Assert.Equal(2, age.Claims.Length);
        Assert.Equal(FactStatus.Agreed, age.Status);
    }

    [Fact]
    public void Labels_show_the_printed_word_not_a_stem()
    {
        var r = FactAlignerTests.Align([
            FactAlignerTests.Doc("d1", "The Harlan jury deliberated for 40 hours, lawyers said."),
            FactAlignerTests.Doc("d2", "The Harlan jury deliberated for 40 hours, the court said."),
            FactAlignerTests.Doc("d3", "Riots shook Harlan for the sixth straight day."),
        ]);
        Assert.Contains(r.Facts, f => f.About == "how long the Harlan jury deliberated");
        Assert.Contains(r.Facts, f => f.About.StartsWith("which ", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Facts, f => f.About.StartsWith("rank:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_and_a_described_holder_meet_when_their_ages_agree_but_never_dispute()
    {
        var named = FactAlignerTests.Doc("d1", "Anthony LaSalle, 36, was charged with criminal vehicular homicide in Harlan.");
        var entities = FactAlignerTests.Named("Anthony LaSalle");
        var agree = FactAlignerTests.AlignWithEntities([named, FactAlignerTests.Doc("d2", "The 36-year-old driver was charged with criminal vehicular homicide in Harlan.")], entities);
        Assert.Single(agree.Facts, f => f.Kind == QuantityKind.Age && f.Claims.Length == 2);
        var differ = FactAlignerTests.AlignWithEntities([named, FactAlignerTests.Doc("d2", "The 41-year-old driver was charged with criminal vehicular homicide in Harlan.")], entities);
        Assert.Empty(Shown(differ, FactStatus.Disputed));
    }
}
