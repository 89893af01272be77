using Parallax.Analysis.Facts;
using Parallax.Model;
using Parallax.Stories.Facts;

namespace Parallax.Stories.Tests.Facts;

/// <summary>Fact labels in plain words, built from the measure and the sentence's own words: a clause with its subject
/// and the verb in the past ("how long the jury deliberated"), a noun form ("length of the chase"), never a stem.</summary>
public sealed class FactLabelTests
{
    private static string LabelOf(params string[] texts)
    {
        var docs = texts.Select((t, i) => FactAlignerTests.Doc($"d{i + 1}", t)).ToArray();
        var r = FactAlignerTests.Align(docs);
        return Assert.Single(r.Facts).About;
    }

    [Fact]
    public void A_verb_with_its_subject_reads_as_a_clause_in_the_past()
    {
        Assert.Equal("how long the jury deliberated", LabelOf("The jury deliberated for 40 hours.", "The jury deliberated for 40 hours, lawyers said."));
        Assert.Equal("how long the stand-off lasted", LabelOf("The stand-off lasted about three hours.", "The stand-off lasted about three hours, police said."));
    }

    [Fact]
    public void The_verbs_object_completes_the_clause_up_to_a_preposition()
    {
        Assert.Equal("how long police locked down the busy street",
            LabelOf("Police locked down the busy street for almost three hours.", "Police locked down the busy street for almost three hours, officials said."));
        // The head read is the subject noun: its verb says what lasted.
        Assert.Equal("how long our field supervisors kept passengers aboard",
            LabelOf("For about 40 minutes, our field supervisors kept passengers aboard while engineers checked the span.",
                "For about 40 minutes, our field supervisors kept passengers aboard, the agency said."));
    }

    [Fact]
    public void A_verb_without_a_subject_reads_as_time_spent_doing_it()
    {
        // "negotiate" after "to": no subject before it, so the -ing form, never the key "negotiate".
        Assert.Equal("time spent negotiating",
            LabelOf("After trying to negotiate with Ortega for about 25 minutes, agents broke the window.", "After trying to negotiate with Ortega for about 25 minutes, the agents acted."));
    }

    [Fact]
    public void A_stemmed_key_is_never_shown()
    {
        // The lemmatiser's key for "fired" is "fir"; the label is built from the printed word.
        var label = LabelOf("A man fired four days ago from his job walked into the office.", "A man fired four days ago from his job returned to the office.");
        Assert.DoesNotContain(" fir ", " " + label + " ", StringComparison.Ordinal);
        Assert.Contains("fired", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_ago_reads_how_long_ago()
    {
        Assert.Equal("how long ago she returned",
            LabelOf("She returned to her home town 12 weeks ago.", "Neighbours said she returned to her home town 12 weeks ago."));
    }

    [Fact]
    public void A_prison_term_is_a_prison_sentence_for_its_holder()
    {
        Assert.Equal("prison sentence",
            LabelOf("He was sentenced to 15 years in prison on Monday.", "A judge sentenced him to 15 years in prison."));
    }

    [Fact]
    public void Counts_are_a_number_of_a_plural_or_a_plural_with_what_happened()
    {
        Assert.Equal("number of jurors", LabelOf("Twelve jurors heard the Harlan case.", "The Harlan case was heard by 12 jurors."));
        Assert.Equal("people killed", LabelOf("Four people were killed in the Harlan blast.", "The Harlan blast killed four people."));
    }

    [Fact]
    public void A_capitalised_modifier_keeps_its_capital_and_a_name_word_does_not_lend_one()
    {
        Assert.Equal("number of Yemeni pirates", LabelOf("The navy held 11 Yemeni pirates off Harlan.", "Officials said 11 Yemeni pirates were held off Harlan."));
        Assert.Equal("number of officers", LabelOf("The Harlan Police Officers Association said four officers were there.", "Four officers were at the Harlan scene."));
    }

    [Fact]
    public void Money_and_distance_name_their_noun()
    {
        Assert.Equal("amount of the reward", LabelOf("Police offered a $35,000 reward for the Harlan case.", "A $35,000 reward was offered in the Harlan case."));
        Assert.Equal("length of the pursuit", LabelOf("The Harlan chase became a 30-mile pursuit.", "Deputies ended a 30-mile pursuit in Harlan."));
    }

    [Fact]
    public void Times_done_to_an_object_read_in_the_passive()
    {
        Assert.Equal("number of times it was hit",
            LabelOf("The officer started hitting it more than 10 times in Harlan.", "An officer kept hitting it more than 10 times in Harlan."));
    }

    [Fact]
    public void An_ordinal_names_the_noun_its_phrase_ends_in()
    {
        Assert.Equal("which offensive", LabelOf("It was the fourth successful offensive by the Harlan navy.", "Officials called it the fourth successful offensive by the Harlan navy."));
        Assert.Equal("how many times so far", LabelOf("Harlan flooded for the third time on Sunday.", "Harlan flooded for the third time on Sunday, officials said."));
    }

    [Fact]
    public void Feet_and_inches_of_a_person_are_a_height()
    {
        var r = FactAlignerTests.Align([FactAlignerTests.Doc("d1", "Police said the Harlan suspect is 5 foot, 8 inches tall."),
            FactAlignerTests.Doc("d2", "The Harlan suspect is 5 foot, 8 inches tall, police said.")]);
        Assert.NotEmpty(r.Facts);
        Assert.All(r.Facts, f => Assert.Equal("height", f.About));
    }

    [Theory]
    [InlineData("deliberate", "deliberated", "deliberating")]
    [InlineData("hit", "hit", "hitting")]
    [InlineData("chat", "chatted", "chatting")]
    [InlineData("try", "tried", "trying")]
    [InlineData("hold", "held", "holding")]
    [InlineData("visit", "visited", "visiting")]
    [InlineData("die", "died", "dying")]
    public void Verb_forms_are_built_back_from_the_base(string lemma, string past, string gerund)
    {
        Assert.Equal(past, VerbForms.Past(lemma));
        Assert.Equal(gerund, VerbForms.Gerund(lemma));
    }

    [Fact]
    public void Irregular_participles_differ_from_the_past()
    {
        Assert.Equal("broke", VerbForms.Past("break"));
        Assert.Equal("broken", VerbForms.Participle("break"));
        Assert.Equal("began", VerbForms.Past("begin"));
    }
}
