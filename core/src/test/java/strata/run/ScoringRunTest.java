package strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.Rejection;
import strata.tier.Metric;
import strata.tier.TierModel;

class ScoringRunTest {
  @TempDir Path dir;

  @Test
  void scoresBuyersAndProspectsAndExplainsEveryTier() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, """
        customer_id,order_date,amount
        A,2024-01-01,100
        A,2024-03-01,100
        B,2024-02-01,50
        C,2024-02-20,400
        D,2024-01-15,50
        """);
    Path customers = dir.resolve("customers.csv");
    Files.writeString(customers, "customer_id,name,size\nA,Ann,large\nP,Prospect,small\n");
    TierModel model = TierModel.parse("""
        tiers:
          - id: top
            when: m_score == 5
          - id: regular
            when: has_purchase
          - id: prospect
            when: true
        """, "t.yaml");
    List<Rejection> rejected = new ArrayList<>();
    RunResult r = ScoringRun.run(RunInputs.of(tx).withSideFiles(customers, null, null), model, rejected::add,
        Progress.NONE);
    ScoredCustomers s = r.customers();
    assertThat(rejected).isEmpty();
    assertThat(r.asOf()).isEqualTo(LocalDate.of(2024, 3, 2)); // the day after the last transaction
    assertThat(s.size).isEqualTo(5);
    assertThat(s.purchasers).isEqualTo(4);
    // Order of first appearance, then prospects.
    assertThat(List.of(s.customerId(0), s.customerId(1), s.customerId(2), s.customerId(3), s.customerId(4)))
        .containsExactly("A", "B", "C", "D", "P");
    // By hand, n = 4. Monetary: A 200, B 50, C 400, D 50 -> strictly lower: A 2, B 0, C 3, D 0
    // -> M = 1 + floor(5*k/4): A 3, B 1, C 4, D 1. No one reaches 5, so nobody is "top".
    assertThat(s.rfm.m()).containsExactly(3, 1, 4, 1);
    // Recency: A 1 day, B 30, C 11, D 47 -> strictly larger: A 3, B 1, C 2, D 0 -> R: 4, 2, 3, 1.
    assertThat(s.rfm.r()).containsExactly(4, 2, 3, 1);
    // Frequency: A 2, others 1 -> A has 3 strictly lower -> F 4; others 1.
    assertThat(s.rfm.f()).containsExactly(4, 1, 1, 1);
    assertThat(s.tier).containsExactly(1, 1, 1, 1, 2);
    assertThat(s.value(4, Metric.LIFECYCLE_STAGE)).isEqualTo("potential");
    assertThat(s.value(4, Metric.RECENCY_DAYS)).isNull();
    assertThat(r.engine().explain(4, 2, s, false)).isEqualTo("prospect: no earlier tier's condition held; "
        + "not checked: top (missing monetary score (M))");
    assertThat(s.value(0, Metric.SIZE)).isEqualTo("large");
  }

  @Test
  void aBadScoringSectionFailsBeforeReadingData() {
    TierModel model = TierModel.parse("scoring:\n  abc: {a_cut: 1.5}\ntiers:\n  - id: all\n", "t.yaml");
    assertThatThrownBy(() -> ScoringRun.run(RunInputs.of(dir.resolve("missing.csv")), model, x -> { }, Progress.NONE))
        .hasMessageContaining("scoring.abc.a_cut");
  }

  @Test
  void aModelThatFailsWhileTheIntakeRunsStopsItAtTheNextBlock() throws IOException {
    Path tx = dir.resolve("tx.csv");
    StringBuilder rows = new StringBuilder("customer_id,order_date,amount\n");
    for (int i = 0; i < 450_000; i++) rows.append('C').append(i % 5000).append(",2024-01-01,1.00\n");
    Files.writeString(tx, rows); // ~10 MB: three 4 MiB blocks
    java.util.concurrent.CompletableFuture<TierModel> loading = new java.util.concurrent.CompletableFuture<>();
    List<Long> reported = new ArrayList<>();
    Progress failsTheModel = new Progress() {
      @Override
      public void bytes(long done, long total) {
        reported.add(done);
        loading.completeExceptionally(new strata.scoring.ConfigException(strata.scoring.ConfigException.SETTING_MISSING, "t.yaml"));
      }
    };
    assertThatThrownBy(() -> ScoringRun.run(RunInputs.of(tx), loading, x -> { }, failsTheModel))
        .isInstanceOf(strata.scoring.ConfigException.class).hasMessage("t.yaml is missing");
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0)).isLessThan(Files.size(tx));
  }

  @Test
  void checkingTheSideFilesGivesTheRunsErrorForAMissingColumn() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,100\n");
    Path calls = dir.resolve("calls.csv");
    Files.writeString(calls, "customer_id,type\nA,call\n"); // no time column
    RunInputs in = RunInputs.of(tx).withSideFiles(null, calls, null);
    Throwable run = org.assertj.core.api.Assertions.catchThrowable(
        () -> ScoringRun.run(in, TierModel.defaultModel(), r -> { }, Progress.NONE));
    assertThat(run).isInstanceOf(strata.intake.IntakeException.class).hasMessageContaining("calls.csv")
        .hasMessageContaining("time");
    assertThatThrownBy(() -> ScoringRun.checkSideFiles(in)).hasMessage(run.getMessage());
    ScoringRun.checkSideFiles(RunInputs.of(tx)); // no side files: nothing to check
  }
}
