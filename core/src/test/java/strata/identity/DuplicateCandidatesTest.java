package strata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.intake.CustomerProfile;

class DuplicateCandidatesTest {
  static CustomerProfile profile(String id, String name, String phone, String email) {
    return new CustomerProfile(id, name, "", "", "", "", phone, email, null, null);
  }

  @Test
  void plantedDuplicatesAreFoundWithTheirReasonsAndNonDuplicatesAreNot() {
    List<CustomerProfile> profiles = List.of(
        profile("C1", "北京星辰科技有限公司", "138-1234-5678", "li@xingchen.cn"),
        profile("C2", "上海海风贸易有限公司", "021-66668888", "wang@haifeng.cn"),
        profile("C3", "北京星辰科技（集团）股份有限公司", "+86 138 1234 5678", "LI@XINGCHEN.CN "),
        profile("C4", "广州云帆物流", "020-12345678", "zhao@yunfan.cn"),
        profile("C5", "上海海风贸易股份有限公司", "13900001111", "chen@other.cn"),
        profile("c4", "深圳某某", "13700002222", "x@y.cn"),
        profile("C6", "杭州远山", "(0571) 8765 4321", ""));
    var result = DuplicateCandidates.find(profiles);
    // By hand: C1–C3 share phone and e-mail (not the name: 集团 stays), 1 − 0.2·0.3 = 0.94; C2–C5 share the name,
    // 0.5; C4–c4 share the id ignoring case, 0.9. Nothing else shares a key.
    assertThat(result.pairs()).extracting(p -> p.idA() + "-" + p.idB() + " " + p.score() + " " + p.reasonCodes())
        .containsExactly("C1-C3 0.94 same_email|same_phone", "C4-c4 0.9 same_id_ignoring_case",
            "C2-C5 0.5 same_name");
    assertThat(result.commonKeys()).isEmpty();
  }

  @Test
  void aFileOfDuplicatesOnlyReportsOneCommonKeyInsteadOfAllPairs() {
    List<CustomerProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 1000; i++) profiles.add(profile("C" + i, "", "400-800-8888", ""));
    var result = DuplicateCandidates.find(profiles);
    assertThat(result.pairs()).isEmpty();
    assertThat(result.commonKeys()).singleElement().satisfies(k -> {
      assertThat(k.reason()).isEqualTo(MatchReason.SAME_PHONE);
      assertThat(k.customers()).isEqualTo(1000);
      assertThat(k.exampleIds()).containsExactly("C0", "C1", "C2", "C3", "C4");
    });
  }

  @Test
  void aBlockAtTheLimitIsStillExpandedIntoPairs() {
    List<CustomerProfile> profiles = new ArrayList<>();
    for (int i = 0; i < DuplicateCandidates.MAX_BLOCK; i++) profiles.add(profile("C" + i, "", "", "same@x.cn"));
    // n(n − 1)/2 = 45 pairs for 10 records.
    assertThat(DuplicateCandidates.find(profiles).pairs()).hasSize(45).allMatch(p -> p.score() == 0.8);
  }

  @Test
  void emptyAndUnusableFieldsNeverMatch() {
    List<CustomerProfile> profiles = List.of(profile("A", "", "", ""), profile("B", "", "", ""),
        profile("C", "公司", "88886666", "not-an-email"), profile("D", "A", "88886666", "not-an-email"));
    assertThat(DuplicateCandidates.find(profiles).pairs()).isEmpty();
  }

  @Test
  void readingAStoreTwiceFindsWhatTheWholeListFinds() {
    // The independent method is find over the whole list: planted pairs, a common key and 2,000 records that share
    // nothing (distinct names, phones and e-mails), in one seeded order.
    List<CustomerProfile> profiles = new ArrayList<>();
    java.util.Random random = new java.util.Random(18);
    for (int i = 0; i < 2000; i++) {
      profiles.add(profile("U" + i, "公司" + i, "1390000" + String.format("%04d", i), "u" + i + "@x.cn"));
    }
    profiles.add(random.nextInt(profiles.size()), profile("P1", "甲", "+86 138-0013-8000", ""));
    profiles.add(random.nextInt(profiles.size()), profile("P2", "乙", "13800138000", ""));
    profiles.add(random.nextInt(profiles.size()), profile("u7", "丙", "", ""));
    for (int i = 0; i < 12; i++) profiles.add(random.nextInt(profiles.size()), profile("S" + i, "", "4008008888", ""));
    int[] passes = {0};
    var streamed = DuplicateCandidates.find(action -> {
      passes[0]++;
      profiles.forEach(action);
    });
    var whole = DuplicateCandidates.find(profiles);
    assertThat(passes[0]).isEqualTo(2);
    assertThat(streamed).isEqualTo(whole);
    assertThat(streamed.pairs()).extracting(CandidatePair::reasonCodes).contains("same_phone", "same_id_ignoring_case");
    assertThat(streamed.commonKeys()).singleElement().satisfies(k -> assertThat(k.customers()).isEqualTo(12));
  }
}
