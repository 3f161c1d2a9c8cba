package strata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Normal forms written out by hand, including hostile text (NUL, emoji, very long, empty). */
class NormalisationTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "13812345678|13812345678",
      "138 1234 5678|13812345678",
      "138-1234-5678|13812345678",
      "+86 138 1234 5678|13812345678",
      "+86-13812345678|13812345678",
      "0086 13812345678|13812345678",
      "8613812345678|13812345678",
      "(+86) 138.1234.5678|13812345678",
      "１３８１２３４５６７８|13812345678",        // full-width digits
      "010-88886666|01088886666",
      "(010) 8888 6666|01088886666",
      "（０１０）８８８８６６６６|01088886666",     // full-width brackets and digits
      "+86 10 8888 6666|01088886666",            // the trunk 0 is dropped after +86
      "0086-10-88886666|01088886666",
      "0755-2345678|07552345678",                 // 4-digit area code, 7-digit number
      "0755-23456789 转 801|075523456789",        // extension ignored
      "021-6666 8888 ext. 12|02166668888",
      "+1 415 555 0100|+14155550100",
      "400-800-8888|4008008888",                  // nationwide service number
      "400 800 888|''",             // foreign numbers keep their country code
      "88886666|''",                              // no area code: cannot be compared across cities
      "12812345678|''",                           // 12x is not a mobile prefix
      "1381234567|''",                            // ten digits
      "call me|''",
      "''|''",
      "138123456780000|''"})
  void phonesFoldToOneForm(String text, String expected) {
    assertThat(Phones.normalise(text)).isEqualTo(expected);
  }

  @Test
  void hostilePhonesAreNotPhones() {
    assertThat(Phones.normalise("138\u00001234\u00005678")).isEmpty();
    assertThat(Phones.normalise("138😀12345678")).isEmpty();
    assertThat(Phones.normalise("1".repeat(10_000))).isEmpty();
    assertThat(Phones.normalise(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Li.Wei@Example.COM|li.wei@example.com",
      "'  li.wei@example.com  '|li.wei@example.com",
      "ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ|li@example.com",   // full-width letters, ＠ and ．
      "li+crm@example.com|li+crm@example.com",       // tags are kept: not every domain ignores them
      "li@@example.com|''",
      "li@example|''",
      "@example.com|''",
      "li@|''",
      "li wei@example.com|''",
      "a@b.com;c@d.com|''",
      "''|''"})
  void emailsFoldToOneForm(String text, String expected) {
    assertThat(Emails.normalise(text)).isEqualTo(expected);
  }

  @Test
  void hostileEmailsAreNotAddresses() {
    assertThat(Emails.normalise("li\u0000@example.com")).isEmpty();
    assertThat(Emails.normalise("a".repeat(300) + "@example.com")).isEmpty();
    assertThat(Emails.normalise("😀@example.com")).isEqualTo("😀@example.com"); // internationalised local part
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "北京星辰科技有限公司|北京星辰科技",
      "北京星辰科技有限责任公司|北京星辰科技",
      "北京星辰科技股份有限公司|北京星辰科技",
      "北京星辰科技股份公司|北京星辰科技",
      "北京 星辰 科技 公司|北京星辰科技",
      "北京星辰科技（集团）有限公司|北京星辰科技集团",
      "北京星辰科技(集团)有限公司|北京星辰科技集团",
      "ＡＢＣ贸易有限公司|abc贸易",                    // full-width letters
      "Acme Co., Ltd.|acme",
      "ACME Corporation|acme",
      "Tesco|tesco",                                  // 'co' only as a word of its own
      "Zinc Inc|zinc",
      "公司|公司",                                     // the suffix alone is the name
      "有限公司|有限公司",
      "A|''",
      "''|''"})
  void companyNamesFoldToOneForm(String text, String expected) {
    assertThat(CompanyNames.normalise(text)).isEqualTo(expected);
  }

  @Test
  void hostileNamesKeepOnlyLettersAndDigits() {
    assertThat(CompanyNames.normalise("星辰😀科技\u0000有限公司")).isEqualTo("星辰科技");
    assertThat(CompanyNames.normalise("😀😀😀")).isEmpty();
    assertThat(CompanyNames.normalise("星".repeat(100_000))).isEmpty();
    assertThat(CompanyNames.normalise(null)).isEmpty();
  }
}
