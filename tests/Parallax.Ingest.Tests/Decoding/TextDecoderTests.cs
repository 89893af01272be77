using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Parallax.Ingest.Decoding;

namespace Parallax.Ingest.Tests.Decoding;

public sealed class TextDecoderTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    [Fact]
    public void Utf8_with_bom_drops_the_bom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Caf\u00e9 opens")).ToArray();
        var d = TextDecoder.Decode(bytes);
        Assert.Equal("Caf\u00e9 opens", d.Text);
        Assert.Equal("utf-8", d.EncodingName);
    }

    [Fact]
    public void Utf8_without_bom_keeps_multibyte_characters() =>
        Assert.Equal("\u201cQuoted\u201d \u2014 na\u00efve", TextDecoder.Decode(Encoding.UTF8.GetBytes("\u201cQuoted\u201d \u2014 na\u00efve")).Text);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_bom_is_decoded(bool bigEndian)
    {
        var enc = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = enc.GetPreamble().Concat(enc.GetBytes("Mayor\u2019s office\r\nsaid so")).ToArray();
        Assert.Equal("Mayor\u2019s office\nsaid so", TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Utf16_without_bom_is_recognised_rather_than_called_binary()
    {
        var bytes = new UnicodeEncoding(false, false).GetBytes("The council met on Tuesday to vote on the budget.");
        var d = TextDecoder.Decode(bytes);
        Assert.True(d.IsText);
        Assert.Equal("The council met on Tuesday to vote on the budget.", d.Text);
    }

    [Theory]
    [InlineData("one\r\ntwo\r\nthree", "one\ntwo\nthree")]
    [InlineData("one\rtwo\rthree", "one\ntwo\nthree")]
    [InlineData("one\r\n\r\ntwo\r", "one\n\ntwo\n")]
    [InlineData("mixed\r\nends\rand\nmore", "mixed\nends\nand\nmore")]
    public void Line_ends_are_normalised(string input, string expected) =>
        Assert.Equal(expected, TextDecoder.Decode(Encoding.UTF8.GetBytes(input)).Text);

    [Fact]
    public void Windows_1252_curly_quotes_and_accents_are_read_when_bytes_are_not_utf8()
    {
        // "He said “café” today" in Windows-1252: 0x93/0x94 are curly quotes, 0xE9 is é.
        var bytes = Encoding.ASCII.GetBytes("He said ").Concat(Bytes(0x93)).Concat(Encoding.ASCII.GetBytes("caf"))
            .Concat(Bytes(0xE9, 0x94)).Concat(Encoding.ASCII.GetBytes(" today")).ToArray();
        var d = TextDecoder.Decode(bytes);
        Assert.Equal("He said \u201ccaf\u00e9\u201d today", d.Text);
        Assert.Equal("windows-1252", d.EncodingName);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252()
    {
        // 0xC3 followed by '(' is not a valid UTF-8 sequence.
        var d = TextDecoder.Decode(Bytes('a', 'b', 'c', 0xC3, '(', ' ', 'x'));
        Assert.Equal("abc\u00c3( x", d.Text);
    }

    [Fact]
    public void Mostly_utf8_with_one_broken_byte_stays_utf8()
    {
        var good = Encoding.UTF8.GetBytes("\u201cOne\u201d, \u201ctwo\u201d and caf\u00e9 ");
        var bytes = good.Concat(Bytes(0xFF)).Concat(Encoding.UTF8.GetBytes(" end")).ToArray();
        var d = TextDecoder.Decode(bytes);
        Assert.Equal("utf-8", d.EncodingName);
        Assert.StartsWith("\u201cOne\u201d", d.Text);
        Assert.Contains('\uFFFD', d.Text);
    }

    [Fact]
    public void Declared_charset_is_used_for_non_utf8_bytes()
    {
        var bytes = Encoding.Latin1.GetBytes("Se\u00f1or M\u00fcller");
        Assert.Equal("Se\u00f1or M\u00fcller", TextDecoder.Decode(bytes, "iso-8859-1").Text);
    }

    [Fact]
    public void Unknown_declared_charset_is_ignored() =>
        Assert.Equal("caf\u00e9", TextDecoder.Decode(Bytes('c', 'a', 'f', 0xE9), "no-such-charset").Text);

    [Fact]
    public void Nul_bytes_mean_binary()
    {
        var bytes = Encoding.ASCII.GetBytes("PK\u0003\u0004 archive").Concat(Bytes(0, 0, 1, 2, 0, 7, 0, 0, 0, 9)).ToArray();
        Assert.Equal(DecodeStatus.Binary, TextDecoder.Decode(bytes).Status);
    }

    [Fact]
    public void Mostly_control_characters_mean_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 'a' : 1 + i % 8)).ToArray();
        Assert.Equal(DecodeStatus.Binary, TextDecoder.Decode(bytes).Status);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3 * 1024 * 1024)]
    public void Small_and_large_inputs_decode_alike(int length)
    {
        // Inputs over 2 MB take the unpooled path; both must give the same text.
        var line = "Caf\u00e9 \u201cquoted\u201d\r\nnext\rline\n";
        var text = string.Concat(Enumerable.Repeat(line, length / line.Length + 1));
        var d = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), d.Text);
        Assert.Equal(d.Text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text);
        var latin = TextDecoder.Decode(TextDecoder.Windows1252.GetBytes(text));
        Assert.Equal("windows-1252", latin.EncodingName);
        Assert.Equal(d.Text, latin.Text);
    }

    [Fact]
    public void Random_bytes_without_nul_mean_binary()
    {
        var random = new Random(7);
        var bytes = Enumerable.Range(0, 2000).Select(_ => (byte)random.Next(1, 256)).ToArray();
        Assert.Equal(DecodeStatus.Binary, TextDecoder.Decode(bytes).Status);
    }

    [Fact]
    public void Replacement_characters_throughout_mean_binary()
    {
        var text = string.Concat(Enumerable.Repeat("ab\uFFFDcd ", 100));
        Assert.Equal(DecodeStatus.Binary, TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Status);
    }

    [Fact]
    public void A_few_stray_controls_in_long_text_are_text()
    {
        var text = string.Concat(Enumerable.Repeat("The council met on Tuesday. ", 40)) + "\u001B\u001A\u0007";
        Assert.True(TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).IsText);
    }

    [Fact]
    public void Tabs_and_line_ends_are_not_control_noise() =>
        Assert.True(TextDecoder.Decode(Encoding.ASCII.GetBytes("a\t\t\t\n\n\n\r\n\f\tb")).IsText);

    [Fact]
    public void Empty_input_is_empty_text() => Assert.Equal("", TextDecoder.Decode([]).Text);

    /// <summary>The decoder is total: any bytes give a result, and decoded text never holds a carriage return.</summary>
    [Property(MaxTest = 500)]
    public bool Decoder_never_throws_on_arbitrary_bytes(byte[] bytes, bool withBom)
    {
        var input = withBom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray() : bytes;
        var d = TextDecoder.Decode(input);
        return d.IsText ? !d.Text.Contains('\r') : d.Text.Length == 0;
    }

    [Property(MaxTest = 300)]
    public bool Valid_utf8_text_round_trips_up_to_line_ends(NonNull<string> s)
    {
        // Strings with lone surrogates or NULs are not text a file would hold.
        var text = s.Get;
        if (text.Contains('\0') || text.Any(char.IsSurrogate) || text.Any(c => c < 0x20 && c is not ('\n' or '\r' or '\t') || c is >= '\u007F' and <= '\u009F'))
            return true;
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        return d.Text == TextDecoder.NormalizeNewlines(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
    }
}
