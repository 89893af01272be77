using Parallax.Analysis.Facts;
using Parallax.Analysis.Pipeline;
using Parallax.Analysis.Text;
using Parallax.Analysis.Time;
using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

public sealed class FactAlignerTests
{
    /// <summary>The stages fact alignment needs (tokens, sentences, quantities, times), shared by the fact tests.</summary>
    internal static readonly DocumentPipeline Pipeline = DocumentPipeline.Build(
        new TokenizerStage(), new SentenceStage(), new QuantityStage(), new TimeStage());

    internal static Document Doc(string id, string text) => Pipeline.Run(new Document { Id = id, Origin = id, Text = text });

    internal static FactAlignment Align(IReadOnlyList<Document> docs, ClaimAttribution? attribution = null, FactAlignerOptions? options = null)
    {
        int f = 0, a = 0;
        return new FactAligner(options).Align(docs, attribution ?? ((_, _) => (null, null)), () => $"f{++f}", () => $"a{++a}");
    }

    internal static Fact FactWith(FactAlignment r, IReadOnlyList<Document> docs, string doc, string span)
    {
        var byId = docs.ToDictionary(d => d.Id);
        var found = r.Facts.Where(f => f.Claims.Any(c => c.Span.Doc == doc && byId[doc].Text[c.Span.Start..c.Span.End] == span)).ToArray();
        Assert.True(found.Length == 1, $"no single fact holds \"{span}\" of {doc}");
        return found[0];
    }

    [Fact]
    public void Same_number_in_other_words_is_agreed()
    {
        var docs = new[]
        {
            Doc("d1", "Rescuers pulled 12 miners from the flooded shaft near Quecreek on Sunday."),
            Doc("d2", "All 12 miners trapped in the flooded Quecreek shaft were pulled out alive."),
        };
        var r = Align(docs);
        var fact = Assert.Single(r.Facts);
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal(2, fact.Claims.Length);
        Assert.Equal("number of miners", fact.About);
        Assert.Contains(fact.Evidence, e => e.StartsWith("same unit:", StringComparison.Ordinal));
        Assert.Contains(fact.Evidence, e => e.StartsWith("shared words:", StringComparison.Ordinal) && e.Contains("Quecreek", StringComparison.Ordinal));
        Assert.Contains(fact.Evidence, e => e.StartsWith("score ", StringComparison.Ordinal));
    }

    [Fact]
    public void Incompatible_numbers_for_the_same_thing_are_disputed()
    {
        var docs = new[]
        {
            Doc("d1", "The standoff at the Harlan warehouse lasted about 40 minutes before police entered."),
            Doc("d2", "Police entered the Harlan warehouse after a standoff of about 90 minutes, witnesses said."),
            Doc("d3", "Witnesses said the Harlan warehouse standoff lasted roughly 45 minutes."),
        };
        var r = Align(docs);
        var fact = Assert.Single(r.Facts, f => f.Kind == QuantityKind.Duration);
        Assert.Equal(FactStatus.Disputed, fact.Status);
        Assert.Equal(3, fact.Claims.Length);
        Assert.Contains(fact.Evidence, e => e.StartsWith("disputed:", StringComparison.Ordinal) && e.Contains("90", StringComparison.Ordinal));
    }

    [Fact]
    public void Compatible_bounds_agree_and_exclusive_bounds_dispute()
    {
        var agree = Align([
            Doc("d1", "The officer struck the Hyundai window more than 10 times with his baton."),
            Doc("d2", "Witnesses counted at least 21 times the officer struck the Hyundai window."),
        ]);
        Assert.Equal(FactStatus.Agreed, Assert.Single(agree.Facts).Status);

        var dispute = Align([
            Doc("d1", "The officer struck the Hyundai window more than 10 times with his baton."),
            Doc("d2", "The officer struck the Hyundai window 8 times with his baton, the report said."),
        ]);
        Assert.Equal(FactStatus.Disputed, Assert.Single(dispute.Facts).Status);
    }

    [Fact]
    public void Each_outlets_only_duration_at_one_scale_is_compared_even_in_other_words()
    {
        var docs = new[]
        {
            Doc("d1", "For about 40 minutes, crews kept the riders aboard the stalled tram. A 32-minute video of the wait spread online. The tram line was shut for 90 days in 2019."),
            Doc("d2", "After about 25 minutes, firefighters led the riders off the tram along the walkway."),
        };
        var r = Align(docs);
        var fact = FactWith(r, docs, "d2", "about 25 minutes");
        Assert.Equal(FactStatus.Disputed, fact.Status);
        Assert.Contains(fact.Claims, c => c.Span.Doc == "d1" && docs[0].Text[c.Span.Start..c.Span.End] == "about 40 minutes");
        Assert.DoesNotContain(fact.Claims, c => docs[0].Text[c.Span.Start..c.Span.End] is "32-minute" or "90 days");
    }

    [Fact]
    public void Two_durations_at_one_scale_in_a_document_are_not_assumed_to_match_another_outlets()
    {
        var docs = new[]
        {
            Doc("d1", "The meeting ran about 40 minutes. Afterwards, a 25-minute recess followed before the vote."),
            Doc("d2", "Officials spoke for about 15 minutes to reporters on the steps."),
        };
        var r = Align(docs);
        Assert.Equal(FactStatus.Single, FactWith(r, docs, "d2", "about 15 minutes").Status);
    }

    [Fact]
    public void One_document_story_gives_only_single_facts()
    {
        var docs = new[] { Doc("d1", "Two officers arrived. Four officers left after about 25 minutes. The 30-minute video has 42,000 views. He is 32 years old.") };
        var r = Align(docs);
        Assert.NotEmpty(r.Facts);
        Assert.All(r.Facts, f => Assert.Equal(FactStatus.Single, f.Status));
        Assert.All(r.Facts, f => Assert.Contains("single document: d1", f.Evidence));
        Assert.Empty(r.Accounts);
    }

    [Fact]
    public void An_objects_size_never_mixes_with_event_durations()
    {
        var docs = new[]
        {
            Doc("d1", "Officers negotiated with Ortega for about 25 minutes. The 32-minute video was posted by Ortega's partner."),
            Doc("d2", "Officers negotiated with Ortega for about 25 minutes, according to the agency. The 30-minute video shows Ortega's partner."),
        };
        var r = Align(docs);
        var durations = r.Facts.Where(f => f.Kind == QuantityKind.Duration).ToArray();
        Assert.Equal(2, durations.Length);
        var video = Assert.Single(durations, f => f.About == "length of the video");
        Assert.Equal(FactStatus.Agreed, video.Status);
        var talk = Assert.Single(durations, f => f.About == "how long officers negotiated");
        Assert.Equal(FactStatus.Agreed, talk.Status);
    }

    [Fact]
    public void Copied_sentences_are_grouped_and_noted_as_copy()
    {
        const string statement = "After attempting to negotiate with Ortega for about 25 minutes, the officers removed him from the vehicle.";
        var docs = new[] { Doc("d1", statement), Doc("d2", "A spokesman said: " + statement), Doc("d3", "“" + statement + "”") };
        var r = Align(docs);
        var fact = Assert.Single(r.Facts);
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Contains(fact.Evidence, e => e.StartsWith("copy:", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_that_rests_only_on_copies_is_a_single_source()
    {
        // One wire sentence printed by three outlets: one source, not three that agree.
        const string wire = "The tug sounded its horn more than 10 times before the barge struck the bridge pier.";
        var docs = new[] { Doc("d1", wire), Doc("d2", "\u201C" + wire + "\u201D"), Doc("d3", wire.ToUpperInvariant()) };
        var fact = Assert.Single(Align(docs).Facts);
        Assert.Equal(FactStatus.Single, fact.Status);
        Assert.Equal(1, fact.IndependentSources);
        Assert.Equal([null, "d1", "d1"], fact.Claims.Select(c => c.CopyOf).ToArray());
        Assert.Contains(fact.Evidence, e => e.StartsWith("single source:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_earliest_published_printing_is_the_original()
    {
        const string wire = "The tug sounded its horn more than 10 times before the barge struck the bridge pier.";
        static Document Dated(Document d, int day) => d with
        {
            Metadata = d.Metadata with { Published = new Sourced<DateOnly>(new DateOnly(2025, 3, day), MetadataSource.Input) },
        };
        var docs = new[] { Dated(Doc("d1", wire), 5), Dated(Doc("d2", wire), 3), Doc("d3", "Officials said the horn sounded at least 21 times.") };
        var fact = Assert.Single(Align(docs).Facts);
        Assert.Equal(FactStatus.Agreed, fact.Status);
        Assert.Equal(2, fact.IndependentSources);
        Assert.Equal("d2", fact.Claims.Single(c => c.Span.Doc == "d1").CopyOf);
        Assert.Null(fact.Claims.Single(c => c.Span.Doc == "d2").CopyOf);
    }

    /// <summary>Entities found by name in each sentence, ids by name, as the story's entity merger would give them.</summary>
    internal static SentenceEntities Named(params string[] names) => (doc, sentence) =>
    {
        var found = new List<EntityRef>();
        foreach (var name in names)
            for (int i = doc.Text.IndexOf(name, sentence.Start, sentence.End - sentence.Start, StringComparison.Ordinal); i >= 0;
                 i = i + name.Length < sentence.End ? doc.Text.IndexOf(name, i + name.Length, sentence.End - i - name.Length, StringComparison.Ordinal) : -1)
                found.Add(new EntityRef("e-" + name, name, i, i + name.Length));
        return [.. found.OrderBy(e => e.Start)];
    };

    internal static FactAlignment AlignWithEntities(IReadOnlyList<Document> docs, SentenceEntities entities)
    {
        int f = 0, a = 0;
        return new FactAligner().Align(docs, (_, _) => (null, null), () => $"f{++f}", () => $"a{++a}", entities);
    }

    [Fact]
    public void Ages_of_different_people_are_never_one_fact()
    {
        var docs = new[]
        {
            Doc("d1", "Police chief Scott Russell, 46, was injured in the bank explosion."),
            Doc("d2", "The explosion injured 46-year-old Chief Scott Russell at the bank."),
            Doc("d3", "Bob Currie, 66, a neighbor of the bank, saw the explosion."),
            Doc("d4", "Officers said the explosion killed 51-year-old Senior Trooper William Hakim at the bank."),
        };
        var r = AlignWithEntities(docs, Named("Scott Russell", "Bob Currie", "William Hakim"));
        var russell = FactWith(r, docs, "d1", "46");
        Assert.Equal(FactStatus.Agreed, russell.Status);
        Assert.Equal(["d1", "d2"], russell.Claims.Select(c => c.Span.Doc).ToArray());
        Assert.Contains("describes Scott Russell", russell.Evidence);
        Assert.Equal(FactStatus.Single, FactWith(r, docs, "d3", "66").Status);
        Assert.Equal(FactStatus.Single, FactWith(r, docs, "d4", "51-year-old").Status);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }

    [Fact]
    public void A_veterans_years_belong_to_the_veteran()
    {
        var docs = new[]
        {
            Doc("d1", "Captain Tom Tennant was a 28-year veteran of the Woodburn police department."),
            Doc("d2", "Chief Scott Russell, a 20-year veteran of the Woodburn police department, survived."),
        };
        var r = AlignWithEntities(docs, Named("Tom Tennant", "Scott Russell"));
        Assert.All(r.Facts, f => Assert.Equal(FactStatus.Single, f.Status));
    }

    [Fact]
    public void Claims_carry_the_entities_of_their_sentence_and_evidence_names_shared_ones()
    {
        var docs = new[]
        {
            Doc("d1", "Officers negotiated with Ortega for about 25 minutes outside the Harbor Bank."),
            Doc("d2", "Ortega talked to officers for about 20 minutes outside the Harbor Bank, a witness said."),
        };
        var r = AlignWithEntities(docs, Named("Ortega", "Harbor Bank"));
        var fact = Assert.Single(r.Facts);
        Assert.Equal(FactStatus.Disputed, fact.Status);
        Assert.All(fact.Claims, c => Assert.Equal(["e-Harbor Bank", "e-Ortega"], c.Entities.ToArray()));
        Assert.Contains(fact.Evidence, e => e.StartsWith("shared entities:", StringComparison.Ordinal) && e.Contains("Ortega", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_as_a_span_of_time_agrees_with_the_plain_figure()
    {
        var docs = new[]
        {
            Doc("d1", "The jury in the Nichols trial deliberated over four days before the verdict."),
            Doc("d2", "Jurors in the Nichols trial deliberated for four days before the verdict."),
        };
        Assert.Equal(FactStatus.Agreed, Assert.Single(Align(docs).Facts).Status);
    }

    [Fact]
    public void Unrelated_counts_in_different_documents_stay_apart()
    {
        var docs = new[]
        {
            Doc("d1", "Three people were killed when the Denton bridge collapsed. Rescuers searched the river for hours."),
            Doc("d2", "The mayor said 40 firefighters and two cranes worked through the night at the stadium."),
        };
        var r = Align(docs);
        Assert.All(r.Facts, f => Assert.Equal(FactStatus.Single, f.Status));
    }

    [Fact]
    public void A_document_does_not_dispute_itself_in_one_voice()
    {
        var docs = new[]
        {
            Doc("d1", "At least two more officers were sent to the Elm Street scene. In all, four officers were at the Elm Street scene."),
            Doc("d2", "Four officers were at the Elm Street scene, police said."),
        };
        var r = Align(docs);
        Assert.DoesNotContain(r.Facts, f => f.Status == FactStatus.Disputed);
    }

    [Fact]
    public void Attribution_is_carried_onto_claims()
    {
        var docs = new[]
        {
            Doc("d1", "The Quecreek rescue took 77 hours, the governor said."),
            Doc("d2", "The Quecreek rescue took 77 hours."),
        };
        var r = Align(docs, (doc, q) => doc.Id == "d1" ? ("e1", "the governor") : (null, null));
        var fact = Assert.Single(r.Facts);
        var claim = Assert.Single(fact.Claims, c => c.Span.Doc == "d1");
        Assert.Equal("e1", claim.AttributedTo);
        Assert.Equal("the governor", claim.AttributedLabel);
        Assert.Null(Assert.Single(fact.Claims, c => c.Span.Doc == "d2").AttributedTo);
    }

    [Fact]
    public void Facts_are_ordered_disputed_agreed_single_with_ids_in_that_order()
    {
        var docs = new[]
        {
            Doc("d1", "The Harlan standoff lasted about 40 minutes. The Harlan fire destroyed 12 homes. A dog barked 3 times."),
            Doc("d2", "The Harlan standoff lasted about 90 minutes. The Harlan fire destroyed 12 homes."),
        };
        var r = Align(docs);
        Assert.Equal([FactStatus.Disputed, FactStatus.Agreed, FactStatus.Single], r.Facts.Select(f => f.Status).ToArray());
        Assert.Equal(["f1", "f2", "f3"], r.Facts.Select(f => f.Id).ToArray());
    }

    [Fact]
    public void Sentences_telling_the_same_moment_form_an_account()
    {
        var docs = new[]
        {
            Doc("d1", "A federal immigration judge, in 2011, ordered Ortega out of the country, according to the agency."),
            Doc("d2", "In 2011, a federal immigration judge granted Ortega voluntary departure."),
            Doc("d3", "In 2011, a judge granted Ortega voluntary departure, records show."),
            Doc("d4", "The weather in 2011 was unusually dry across the region, farmers recalled."),
        };
        var r = Align(docs);
        var account = Assert.Single(r.Accounts);
        Assert.Equal(["d1", "d2", "d3"], account.Sentences.Select(s => s.Doc).ToArray());
        // Dated, then named by the longest run of words two tellings share, as printed.
        Assert.Equal("2011: judge granted Ortega voluntary departure", account.About);
        Assert.Contains("same date: 2011", account.Evidence);
        Assert.Contains("3 documents, 3 sentences", account.Evidence);
    }
}

/// <summary>A 10,000-document story finishes, stays grouped, and costs about ten times a 1,000-document one.</summary>
[Collection(nameof(TimingCollection))]
public sealed class FactAlignerScalingTests
{
    private static Document[] Story(int n) => [.. Enumerable.Range(0, n).Select(i => FactAlignerTests.Doc($"d{i}",
        $"Officers negotiated with Ortega for about 25 minutes. The 32-minute video has {1000 + i} views. Report number {i} was filed by {i % 7} clerks."))];

    [Fact]
    public void Ten_thousand_documents_align_in_linear_time_and_stay_grouped()
    {
        var r = FactAlignerTests.Align(Story(10_000));
        var talk = Assert.Single(r.Facts, f => f.About == "how long officers negotiated");
        Assert.Equal(10_000, talk.Claims.Length);
        Assert.Equal(FactStatus.Agreed, talk.Status);
        // The ratio is measured at 500 and 5,000 documents, which keeps the test short; bench facts prints 10 to 10,000.
        var small = Story(500);
        var large = Story(5_000);
        LinearTime.Assert(() => FactAlignerTests.Align(small), () => FactAlignerTests.Align(large), maxRatio: 35);
    }
}
