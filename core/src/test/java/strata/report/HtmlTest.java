package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupCharacters() {
    assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void keepsEmojiRtlAndChineseButReplacesCharactersXmlForbids() {
    String emoji = "客户 😀 \u202Eevil\u202C שלום";
    assertThat(Html.escape(emoji)).isEqualTo(emoji);
    assertThat(Html.escape("a\u0000b\u0007c\uD800d\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    assertThat(Html.escape("tab\tand\nline")).isEqualTo("tab\tand\nline");
  }

  @Property
  void escapedTextHasNoMarkupAndParsesBackToTheOriginal(@ForAll String text) {
    String escaped = Html.escape(text);
    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    // Independent reader: the JDK XML parser must give back the text (minus forbidden characters).
    String parsed = ReportDom.parse("<p title=\"" + escaped + "\">" + escaped + "</p>")
        .all("/p").get(0).getTextContent();
    String expected = text.codePoints()
        .map(cp -> (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF ? 0xFFFD : cp)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString().replace("\r\n", "\n").replace('\r', '\n'); // XML normalises line ends
    assertThat(parsed).isEqualTo(expected);
  }
}
