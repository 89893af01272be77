using FsCheck;
using FsCheck.Xunit;
using Parallax.Model;
using Parallax.Stories.Entities;

namespace Parallax.Stories.Tests.Entities;

public sealed class NameFormsTests
{
    [Theory]
    [InlineData("Millian- Vazquez", "Millian-Vazquez")]
    [InlineData("Ray  Tolliver’s", "Ray Tolliver")]
    [InlineData("Anna\nBecker", "Anna Becker")]
    public void Normalize_joins_broken_hyphens_and_drops_possessives(string input, string expected) =>
        Assert.Equal(expected, NameForms.Normalize(input));

    [Theory]
    [InlineData("Kansas City Police Department", "KCPD")]
    [InlineData("U.S. Immigration and Customs Enforcement", "ICE")]
    [InlineData("Department of Homeland Security", "DHS")]
    public void Initials_skip_connectors_and_country_prefix(string name, string initials) =>
        Assert.Equal(initials, NameForms.Initials(name));

    [Theory]
    [InlineData("Millan-Vazquez", "Millian-Vazquez", true)]
    [InlineData("Delgado-Ruiz", "Delgado-Ruis", true)]
    [InlineData("Boyd", "Byrd", false)]
    [InlineData("Becker", "Baker", false)]
    public void Surnames_one_spelling_apart_match_only_when_long(string a, string b, bool match) =>
        Assert.Equal(match, NameForms.SurnamesMatch(a, b));

    [Theory]
    [InlineData("Rick", "Richard", true)]
    [InlineData("Flo", "Florencio", true)]
    [InlineData("Emmanuel", "Emanuel", true)]
    [InlineData("Tom", "Anna", false)]
    [InlineData("Sarah", "Shawn", false)]
    public void First_names_compatible(string a, string b, bool compatible) =>
        Assert.Equal(compatible, NameForms.FirstNamesCompatible(a, b));

    /// <summary>The banded edit distance agrees with the plain one whenever the plain one is within the band.</summary>
    [Property(MaxTest = 300)]
    public bool Banded_edit_distance_matches_full_distance_within_band(NonNull<string> a, NonNull<string> b)
    {
        string x = a.Get.Length > 20 ? a.Get[..20] : a.Get, y = b.Get.Length > 20 ? b.Get[..20] : b.Get;
        int full = Full(x, y);
        int banded = NameForms.EditDistance(x, y, 2);
        return full <= 2 ? banded == full : banded > 2;
    }

    private static int Full(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    [Theory]
    [InlineData("in central Paris", EntityType.Place, "Paris")]
    [InlineData("the Promises Treatment Center in Malibu , California", EntityType.Org, "Promises Treatment Center")]
    [InlineData("Attorney Mark Jay Heller", EntityType.Person, "Mark Jay Heller")]
    [InlineData("Mr . LaRue", EntityType.Person, "LaRue")]
    [InlineData("Gov.Sarah Palin", EntityType.Person, "Sarah Palin")]
    [InlineData("Vincent 'The Chin' Gigante", EntityType.Person, "Vincent Gigante")]
    [InlineData("U . S . Geological Survey", EntityType.Org, "U.S. Geological Survey")]
    [InlineData("Saints'", EntityType.Org, "Saints")]
    [InlineData("People.com", EntityType.Org, "People")]
    [InlineData("Vincent van Gogh", EntityType.Person, "Vincent van Gogh")]
    [InlineData("Sgt. Jacob Becchina", EntityType.Person, "Jacob Becchina")]
    public void Core_name_drops_what_surrounds_the_name(string surface, EntityType type, string expected) =>
        Assert.Equal(expected, NameForms.CoreName(surface, type));

    [Theory]
    [InlineData("Luis Gerardo ( Jerry ) Ortiz", "Jerry")]
    [InlineData("Vincent \"Chin\" Gigante", "Chin")]
    [InlineData("Anna Becker", null)]
    public void Nickname_is_the_bracketed_or_quoted_part(string surface, string? nickname) =>
        Assert.Equal(nickname, NameForms.Nickname(surface));

    [Theory]
    [InlineData("SEACOM", "Seacom")]
    [InlineData("U.S.", "US")]
    [InlineData("Promises Treatment Centre", "Promises Treatment Center")]
    [InlineData("Mt Cook", "Mount Cook")]
    public void Keys_ignore_case_periods_and_spelling_of_heads(string a, string b) =>
        Assert.Equal(NameForms.Key(a), NameForms.Key(b));

    [Fact]
    public void Initials_variants_keep_the_article_and_spell_out_US()
    {
        Assert.Contains("THR", NameForms.InitialsVariants("The Hollywood Reporter"));
        Assert.Contains("USGS", NameForms.InitialsVariants("U.S. Geological Survey"));
    }

    [Fact]
    public void Country_names_resolve_to_one_country_and_shared_forms_to_none()
    {
        var places = PlaceNames.Parse(["# comment", "United States|U.S.|America|Shared", "Greece|Hellenic Republic|Shared"]);
        Assert.Equal(places.CountryOf("U.S."), places.CountryOf("united states"));
        Assert.Equal(places.CountryOf("Greece"), places.CountryOf("Hellenic Republic"));
        Assert.NotEqual(places.CountryOf("Greece"), places.CountryOf("America"));
        Assert.Equal(-1, places.CountryOf("Shared"));
        Assert.Equal(PlaceNames.Default.CountryOf("USA"), PlaceNames.Default.CountryOf("United States"));
    }

    [Theory]
    [InlineData("Betty", "Bettie", true)]
    [InlineData("Kathryn", "Katie", true)]
    [InlineData("Daniel", "Samuel", false)]
    public void First_name_spelling_variants(string a, string b, bool compatible) =>
        Assert.Equal(compatible, NameForms.FirstNamesCompatible(a, b));
}
