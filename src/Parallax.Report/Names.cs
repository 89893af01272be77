using Parallax.Model;

namespace Parallax.Report;

/// <summary>The contract's spelling of enum values. Explicit switches, not ToString(), so renaming an enum member
/// in Model cannot silently change report.json.</summary>
internal static class Names
{
    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Org => "ORG",
        EntityType.Place => "PLACE",
        _ => "OTHER",
    };

    public static string Of(FactStatus status) => status switch
    {
        FactStatus.Agreed => "agreed",
        FactStatus.Disputed => "disputed",
        FactStatus.Updated => "updated",
        _ => "single",
    };

    public static string Of(QuantityKind kind) => kind switch
    {
        QuantityKind.Count => "count",
        QuantityKind.Duration => "duration",
        QuantityKind.Age => "age",
        QuantityKind.Money => "money",
        QuantityKind.Percent => "percent",
        QuantityKind.Ordinal => "ordinal",
        QuantityKind.Length => "length",
        _ => "other",
    };

    public static string Of(Qualifier q) => q switch
    {
        Qualifier.Exact => "exact",
        Qualifier.Approximate => "approximate",
        Qualifier.AtLeast => "atLeast",
        Qualifier.MoreThan => "moreThan",
        Qualifier.AtMost => "atMost",
        Qualifier.LessThan => "lessThan",
        _ => "range",
    };

    public static string Of(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        _ => "block",
    };

    public static string Of(CitationKind kind) => kind switch
    {
        CitationKind.Outlet => "outlet",
        CitationKind.Agency => "agency",
        CitationKind.Person => "person",
        _ => "document",
    };

    public static string Of(DatePrecision p) => p switch
    {
        DatePrecision.Year => "year",
        DatePrecision.Month => "month",
        DatePrecision.Day => "day",
        _ => "minute",
    };

    public static string Of(MetadataSource s) => s switch
    {
        MetadataSource.Input => "input",
        MetadataSource.Markup => "markup",
        MetadataSource.Header => "header",
        MetadataSource.Dateline => "dateline",
        MetadataSource.Byline => "byline",
        MetadataSource.SelfReference => "selfReference",
        MetadataSource.FileName => "fileName",
        MetadataSource.Url => "url",
        MetadataSource.Archive => "archive",
        _ => "none",
    };

    /// <summary>Words a reader understands, for the HTML page.</summary>
    public static string Words(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Org => "organisation",
        EntityType.Place => "place",
        _ => "other",
    };
}
