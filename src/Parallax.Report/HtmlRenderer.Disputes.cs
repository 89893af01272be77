using System.Collections.Immutable;
using Parallax.Model;

namespace Parallax.Report;

/// <summary>Disputed accounts in the disagreements box: tellings of one moment whose key words contradict each other
/// ("ordered" vs "granted"), each side's sentence with the word marked and the sources that tell it so.</summary>
internal sealed partial class HtmlRenderer
{
    private static bool HasWordDisputes(StoryView v) =>
        v.Story.Accounts.Any(a => !a.Disputes.IsDefaultOrEmpty);

    private void WriteWordDisputes(StoryView v)
    {
        foreach (var a in v.Story.Accounts)
        {
            if (a.Disputes.IsDefaultOrEmpty) continue;
            foreach (var d in a.Disputes)
            {
                w.Write("<li class=\"word-dispute\"><a href=\"#");
                T(Html.Id("account-", a.Id) + v.Suffix);
                w.Write("\"><b>");
                T(a.About);
                w.Write("</b></a> <span class=\"muted\">(");
                T(d.Contrast);
                w.Write(")</span>");
                for (int side = 0; side < 2; side++)
                {
                    var words = d.Words.Where(x => x.Side == side).ToList();
                    if (words.Count == 0) continue;
                    w.Write(side == 0 ? "<p class=\"spread\">" : "<p class=\"spread\"><span class=\"vs\">vs</span> ");
                    // One sentence shown per side (the first), every source that tells it this way named once.
                    var first = words[0];
                    var sentence = first.Sentence;
                    var mark = new TextSpan(first.Word.Start - sentence.Start, first.Word.End - sentence.Start);
                    w.Write("<q>");
                    WriteMarked(index.Doc(sentence.Doc).Text, new TextSpan(sentence.Start, sentence.End), null, ImmutableArray.Create(mark));
                    w.Write("</q> <span class=\"muted\">(");
                    T(string.Join(", ", words.Select(x => x.Word.Doc).Distinct(StringComparer.Ordinal).Select(index.SourceLabel)));
                    w.Write(")</span></p>");
                }
                w.Write("</li>\n");
            }
        }
    }
}
