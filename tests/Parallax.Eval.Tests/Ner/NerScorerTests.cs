using Parallax.Analysis.Entities.Tagger;
using Parallax.Eval.Ner;
using Parallax.Model;

namespace Parallax.Eval.Tests.Ner;

public sealed class NerScorerTests
{
    private static readonly byte O = NerLabels.O, BP = NerLabels.Begin(EntityType.Person), IP = NerLabels.Inside(EntityType.Person),
        BO = NerLabels.Begin(EntityType.Org), BL = NerLabels.Begin(EntityType.Place), IL = NerLabels.Inside(EntityType.Place);

    [Fact]
    public void Only_exact_span_and_type_count()
    {
        var s = new NerScorer();
        // gold: PER[0,2) ORG[3,4) PLACE[5,7); predicted: PER[0,2) right, PLACE[3,4) wrong type, PLACE[5,6) wrong end
        s.Add([BP, IP, O, BO, O, BL, IL], [BP, IP, O, BL, O, BL, O]);
        Assert.Equal(new NerCounts(1, 1, 1), s.For(EntityType.Person));
        Assert.Equal(new NerCounts(0, 0, 1), s.For(EntityType.Org));
        Assert.Equal(new NerCounts(0, 2, 1), s.For(EntityType.Place));
        Assert.Equal(new NerCounts(1, 3, 3), s.Overall);
        Assert.Equal(1.0 / 3, s.Overall.Precision, 6);
        Assert.Equal(1.0 / 3, s.Overall.F1, 6);
    }

    [Fact]
    public void Empty_counts_score_zero_not_nan()
    {
        var s = new NerScorer();
        s.Add([O, O], [O, O]);
        Assert.Equal(0, s.Overall.F1);
        Assert.Equal(0, s.Overall.Precision);
    }

    [Fact]
    public void Perfect_prediction_scores_one()
    {
        var s = new NerScorer();
        s.Add([BL, IL, O, BP], [BL, IL, O, BP]);
        Assert.Equal(1, s.Overall.F1);
    }

    [Fact]
    public void Confusion_counts_types_on_exact_spans_and_what_was_missed_or_invented()
    {
        var s = new NerScorer();
        // gold: PER[0,2) ORG[3,4) PLACE[5,7); predicted: PER[0,2), PLACE[3,4) (ORG taken for a place), PLACE[5,6) (wrong end)
        s.Add([BP, IP, O, BO, O, BL, IL], [BP, IP, O, BL, O, BL, O]);
        Assert.Equal(1, s.Confusion(EntityType.Person, EntityType.Person));
        Assert.Equal(1, s.Confusion(EntityType.Org, EntityType.Place));
        Assert.Equal(0, s.Confusion(EntityType.Org, EntityType.Org));
        Assert.Equal(1, s.Confusion(EntityType.Place, null));
        Assert.Equal(1, s.Confusion(null, EntityType.Place));
    }

    [Fact]
    public void Re3d_types_map_to_person_organisation_place_and_drop_the_rest()
    {
        Assert.Equal(EntityType.Org, ConllReader.Re3dType("Organisation"));
        Assert.Equal(EntityType.Place, ConllReader.Re3dType("Location"));
        Assert.Null(ConllReader.Re3dType("Nationality"));
        Assert.Null(ConllReader.Re3dType("Weapon"));
    }
}
