package strata.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class SurveyTokensProperties {
  private static final SurveyTokens TOKENS =
      new SurveyTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  @Property
  void anIssuedTokenVerifiesAndAnyChangedCharacterIsRefused(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long id,
      @ForAll @StringLength(min = 1, max = 60) String customer,
      @ForAll @LongRange(min = 1, max = 99_999_999_999L) long expires, @ForAll @IntRange(min = 0, max = 200) int at) {
    String token = TOKENS.issue(id, customer, Instant.ofEpochSecond(expires));
    Instant before = Instant.ofEpochSecond(expires - 1);
    assertThat(TOKENS.verify(SurveyTokens.parse(token).orElseThrow(), customer, before))
        .isEqualTo(SurveyTokens.Verdict.OK);
    int i = at % token.length();
    char changed = token.charAt(i) == 'A' ? 'B' : 'A';
    String tampered = token.substring(0, i) + changed + token.substring(i + 1);
    // Either no longer a token at all, or a token that does not verify; never one that is accepted.
    SurveyTokens.parse(tampered).ifPresent(p -> assertThat(TOKENS.verify(p, customer, before))
        .isEqualTo(SurveyTokens.Verdict.FORGED));
  }
}
