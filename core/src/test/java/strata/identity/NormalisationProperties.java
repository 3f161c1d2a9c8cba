package strata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any text at all: no exception, and normal forms that are stable and plain. */
class NormalisationProperties {
  @Property(tries = 2000)
  void phonesAreStableAndDigitsOnly(@ForAll String text) {
    String phone = Phones.normalise(text);
    assertThat(phone).matches("|\\+?[0-9]{8,15}");
    assertThat(Phones.normalise(phone)).isEqualTo(phone);
  }

  @Property(tries = 2000)
  void emailsAreStableAndHoldOneAt(@ForAll String text) {
    String email = Emails.normalise(text);
    if (!email.isEmpty()) assertThat(email.chars().filter(c -> c == '@').count()).isEqualTo(1);
    assertThat(Emails.normalise(email)).isEqualTo(email);
  }

  @Property(tries = 2000)
  void namesKeepOnlyLettersAndDigits(@ForAll String text) {
    String name = CompanyNames.normalise(text);
    assertThat(name.codePoints().allMatch(Character::isLetterOrDigit)).isTrue();
  }
}
