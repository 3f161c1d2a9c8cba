package strata.server.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The survey page's colours meet WCAG 2 AA, by the standard's own contrast formula. */
class SurveyHtmlTest {
  @Test
  void everyTextReadsAtLeastFourAndAHalfToOneAndControlEdgesThreeToOne() {
    assertThat(contrast(SurveyHtml.TEXT, SurveyHtml.CARD)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(SurveyHtml.SECONDARY, SurveyHtml.CARD)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast("#ffffff", SurveyHtml.NAVY)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast("#ffffff", SurveyHtml.BLUE)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast("#ffffff", SurveyHtml.DARK_BLUE)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(SurveyHtml.TEXT, SurveyHtml.SELECTED)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(SurveyHtml.RED, SurveyHtml.ERROR_BACKGROUND)).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(SurveyHtml.BORDER, SurveyHtml.CARD)).isGreaterThanOrEqualTo(3);
    assertThat(contrast(SurveyHtml.BLUE, SurveyHtml.SELECTED)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void thePageUsesThePaletteNotTheOldColours() {
    String page = SurveyHtml.form(Locale.ENGLISH, false, "missing_score", null);
    assertThat(page).contains(SurveyHtml.BLUE, SurveyHtml.NAVY, "<header><h1>", "</main>").doesNotContain("#1677ff");
  }

  /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter over darker. */
  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
