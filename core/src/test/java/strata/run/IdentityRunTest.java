package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.identity.MergeOptions;
import strata.intake.Rejection;
import strata.tier.TierModel;

/** Merges, case variants, duplicate candidates and unknown customers through a whole run. */
class IdentityRunTest {
  @TempDir Path dir;
  private final List<Rejection> rejected = new ArrayList<>();

  private RunResult run(String transactions, String customers, MergeOptions merges) throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, transactions);
    Path cust = null;
    if (customers != null) {
      cust = dir.resolve("customers.csv");
      Files.writeString(cust, customers);
    }
    return ScoringRun.run(RunInputs.of(tx).withSideFiles(cust, null, null).withMerges(merges),
        TierModel.defaultModel(), rejected::add, Progress.NONE);
  }

  private static List<String> ids(ScoredCustomers s) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < s.size; i++) ids.add(s.customerId(i));
    return ids;
  }

  @Test
  void anAcceptedPairIsOneCustomerUnderTheFirstIdWithEachPurchaseCountedOnce() throws IOException {
    RunResult r = run("""
        customer_id,order_date,amount
        A,2024-01-01,100
        B,2024-02-01,50
        A2,2024-02-10,30
        C,2024-03-01,400
        A2,2024-01-01,20
        """, "customer_id,name\nA,Ann Ltd\nA2,Ann Limited\nB,Bo\nC,Cy\n",
        new MergeOptions(List.<String[]>of(new String[] {"A", "A2"}), false));
    ScoredCustomers s = r.customers();
    assertThat(ids(s)).containsExactly("A", "B", "C");
    // By hand (as-of 2024-03-02): A = 100 + 30 + 20 = 150 over 3 rows on 2 days, last 02-10 (21 days);
    // B 50, 30 days; C 400, 1 day.
    assertThat(s.purchases.netCents).containsExactly(15000, 5000, 40000);
    assertThat(s.purchases.orders).containsExactly(3, 1, 1);
    assertThat(s.purchases.distinctDays).containsExactly(2, 1, 1);
    // Scores 1 + floor(5k/3), k = customers strictly worse: M A 1 → 2, B 0 → 1, C 2 → 4; F A 2 → 4, B, C 0 → 1;
    // R (larger recency is worse) A 21 → 1 worse → 2, B 30 → 1, C 1 → 4.
    assertThat(s.rfm.m()).containsExactly(2, 1, 4);
    assertThat(s.rfm.f()).containsExactly(4, 1, 1);
    assertThat(s.rfm.r()).containsExactly(2, 1, 4);
    assertThat(r.identity().merged()).isEqualTo(Map.of("A2", "A"));
    // The merged pair is not suggested again (Ann Ltd / Ann Limited share a name).
    assertThat(r.identity().candidates()).isEmpty();
    assertThat(s.profiles[0].name()).isEqualTo("Ann Ltd");
  }

  @Test
  void idsDifferingOnlyByCaseAreReportedAndMergedOnlyWhenAsked() throws IOException {
    String tx = "customer_id,order_date,amount\nc1,2024-01-01,10\nC1,2024-01-05,20\nX,2024-01-02,5\n";
    RunResult apart = run(tx, null, MergeOptions.NONE);
    assertThat(ids(apart.customers())).containsExactly("c1", "C1", "X");
    assertThat(apart.identity().caseVariants()).containsExactly(List.of("c1", "C1"));
    assertThat(apart.identity().caseIdsMerged()).isFalse();
    assertThat(apart.notes()).anyMatch(n -> n.toString().contains("pass --merge-case-ids"));

    rejected.clear();
    RunResult merged = run(tx, null, new MergeOptions(List.of(), true));
    assertThat(ids(merged.customers())).containsExactly("c1", "X");
    assertThat(merged.customers().purchases.netCents).containsExactly(3000, 500);
    assertThat(merged.identity().caseIdsMerged()).isTrue();
    assertThat(merged.identity().merged()).isEqualTo(Map.of("C1", "c1"));
  }

  @Test
  void ordersForCustomersMissingFromTheCustomersFileAreCountedAndScoredWithoutAProfile() throws IOException {
    RunResult r = run("customer_id,order_date,amount\nZ,2024-01-01,10\nA,2024-01-02,10\nY,2024-01-03,10\n",
        "customer_id,name\nA,Ann\nP,Prospect\n", MergeOptions.NONE);
    assertThat(r.identity().unknownCustomers()).isEqualTo(2);
    assertThat(r.identity().unknownExamples()).containsExactly("Z", "Y");
    assertThat(r.customers().profiles[0]).isNull();
    assertThat(r.customers().purchasers).isEqualTo(3);
    assertThat(r.notes()).anyMatch(n -> n.toString().startsWith("2 purchasing customer ids are not in the customers file"));
  }

  @Test
  void noCustomersFileMeansNoUnknownCustomers() throws IOException {
    RunResult r = run("customer_id,order_date,amount\nZ,2024-01-01,10\n", null, MergeOptions.NONE);
    assertThat(r.identity().unknownCustomers()).isZero();
    assertThat(r.identity().candidates()).isEmpty();
  }

  @Test
  void aCustomersFileOfDuplicatesOnlyCompletesWithAClearMessage() throws IOException {
    StringBuilder sameId = new StringBuilder("customer_id,name,phone\n");
    for (int i = 0; i < 30; i++) sameId.append("A,Ann,13800000000\n");
    RunResult r = run("customer_id,order_date,amount\nA,2024-01-01,10\n", sameId.toString(), MergeOptions.NONE);
    assertThat(rejected).hasSize(29).allMatch(x -> x.reason().code().equals("duplicate_customer"));
    assertThat(r.customers().size).isEqualTo(1);

    rejected.clear();
    StringBuilder samePhone = new StringBuilder("customer_id,name,phone\n");
    for (int i = 0; i < 30; i++) samePhone.append("C").append(i).append(",Ann,138-0000-0000\n");
    r = run("customer_id,order_date,amount\nC0,2024-01-01,10\n", samePhone.toString(), MergeOptions.NONE);
    assertThat(r.customers().size).isEqualTo(30);
    assertThat(r.identity().candidates()).isEmpty();
    assertThat(r.identity().commonKeys()).hasSize(2); // the phone and the name, each shared by all 30
    assertThat(r.notes()).anyMatch(n -> n.toString().startsWith("2 phones, e-mails or names are shared by more than 10"));
  }
}
