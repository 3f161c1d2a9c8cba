package strata.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.clv.BgNbd;
import strata.i18n.Note;
import strata.intake.TransactionIntake;
import strata.run.ClvStage;
import strata.summary.PurchaseColumns;

/** The churn step end to end from purchase summaries, where BG/NBD fits but the classifier has too little to learn. */
class ChurnStageTest {
  private static final int AS_OF = (int) LocalDate.of(2024, 7, 1).toEpochDay();
  private static final int CUT = AS_OF - 90;
  @TempDir Path dir;

  /**
   * Purchases as BG/NBD pictures them (seeded): each customer buys at exponential gaps with a rate of their own (mean a
   * purchase every three weeks), from a day in the year before the cut up to the as-of date, and drops out after any
   * purchase with a probability of their own between 5 and 30 %.
   */
  private PurchaseColumns[] simulated(int customers) throws IOException {
    java.util.Random random = new java.util.Random(3);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < customers; c++) {
      double meanGapDays = 21 * -Math.log(1 - random.nextDouble());
      double dropout = 0.05 + 0.25 * random.nextDouble();
      for (int day = CUT - 365 + random.nextInt(300); day <= AS_OF; ) {
        buy(csv, c, day);
        if (random.nextDouble() < dropout) break;
        day += 1 + (int) (meanGapDays * -Math.log(1 - random.nextDouble()));
      }
    }
    return reads(csv);
  }

  private PurchaseColumns[] reads(StringBuilder csv) throws IOException {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, csv);
    return new PurchaseColumns[] {read(file, CUT), read(file, AS_OF)};
  }

  private static void buy(StringBuilder csv, int customer, int day) {
    csv.append('C').append(customer).append(',').append(LocalDate.ofEpochDay(day)).append(",25\n");
  }

  private PurchaseColumns read(Path file, int day) {
    var options = TransactionIntake.Options.defaults().withTempDir(dir).withAsOf(LocalDate.ofEpochDay(day));
    return TransactionIntake.read(file, options, r -> { }, b -> { }).table().freeze(day - 90);
  }

  private static ChurnResult run(PurchaseColumns[] p) {
    return ChurnStage.run(p[0], CUT, ChurnFeatures.Side.NONE, p[1], AS_OF, ChurnFeatures.Side.NONE,
        StandardCharsets.UTF_8, 1);
  }

  /** BG/NBD fits on both reads, so the stage had a baseline probability for everyone that it could have shown. */
  private static void assertBaselineFits(PurchaseColumns[] p) {
    var atCut = BgNbd.fit(ClvStage.sample(ClvStage.calibration(p[0], CUT, 7.0)));
    var atAsOf = BgNbd.fit(ClvStage.sample(ClvStage.calibration(p[1], AS_OF, 7.0)));
    assertThat(atCut.converged()).as(atCut.toString()).isTrue();
    assertThat(atAsOf.converged()).as(atAsOf.toString()).isTrue();
  }

  /**
   * The same purchases read in another order (the file's lines reversed, so customers appear in another order) give
   * every customer the same probability and reasons: the server reads its buyers by id, a file run by first appearance.
   */
  @Test
  void theOrderCustomersAreReadInChangesNothing() throws IOException {
    PurchaseColumns[] p = simulated(600);
    ChurnResult forward = run(p);
    assertThat(forward.churnProb()).doesNotContain(Float.NaN);
    String csv = Files.readString(dir.resolve("tx.csv"));
    java.util.List<String> lines = new java.util.ArrayList<>(csv.lines().skip(1).toList());
    java.util.Collections.reverse(lines);
    PurchaseColumns[] q = reads(new StringBuilder("customer_id,order_date,amount\n" + String.join("\n", lines) + "\n"));
    assertThat(q[1].customerId(0, StandardCharsets.UTF_8)).isNotEqualTo(p[1].customerId(0, StandardCharsets.UTF_8));
    ChurnResult backward = run(q);
    // The classifier is trained and judged on the same held-out customers either way (here the baseline ranks them
    // better, so churn_prob is the baseline's: the figures below are the classifier's own).
    assertThat(forward.classifier()).isNotNull();
    assertThat(backward.classifier()).isEqualTo(forward.classifier());
    assertThat(backward.baseline()).isEqualTo(forward.baseline());
    java.util.Map<String, Integer> at = new java.util.HashMap<>();
    for (int i = 0; i < q[1].size; i++) at.put(q[1].customerId(i, StandardCharsets.UTF_8), i);
    int k = ChurnResult.REASONS;
    for (int i = 0; i < p[1].size; i++) {
      String id = p[1].customerId(i, StandardCharsets.UTF_8);
      int j = at.get(id);
      assertThat(backward.churnProb()[j]).as(id).isEqualTo(forward.churnProb()[i]);
      for (int r = 0; r < k; r++) {
        assertThat(backward.reasonFeature()[j * k + r]).as(id).isEqualTo(forward.reasonFeature()[i * k + r]);
      }
    }
  }

  @Test
  void tooFewCustomersLeaveTheColumnEmptyEvenWithAFittedBaseline() throws IOException {
    PurchaseColumns[] p = simulated(40);
    // BG/NBD fits on both reads and predicts for everyone: the stage had a baseline probability it could have shown
    // (40 customers do not pin the dropout down, so the fit is not a good one; the stage takes it all the same).
    for (int k = 0; k < 2; k++) {
      int day = k == 0 ? CUT : AS_OF;
      BgNbd fit = BgNbd.fit(ClvStage.sample(ClvStage.calibration(p[k], day, 7.0))).model();
      Baseline b = Baseline.of(fit, ClvStage.calibration(p[k], day, 7.0), 90 / 7.0);
      for (double none : b.probabilityNone()) assertThat(none).isBetween(0.0, 1.0);
    }
    ChurnResult r = run(p);
    // Only the reason, no "BG/NBD not used": the baseline was there.
    assertThat(r.notes()).containsExactly(Note.of("churn_too_few", 40, 50));
    assertThat(r.classifier()).isNull();
    assertThat(r.usesClassifier()).isFalse();
    assertThat(r.churnProb()).hasSize(40).containsOnly(Float.NaN);
  }

  @Test
  void undefinedBgNbdPredictionsLeaveItOutInsteadOfFailingTheRun() throws IOException {
    // Loyal customers who never leave and 15 who may leave after any purchase and are gone by the cut: BG/NBD fits
    // this with a + b < 1, where its predictions for customers without repeat purchases are undefined.
    java.util.Random random = new java.util.Random(3);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < 40; c++) {
      boolean leaves = c < 15;
      double meanGapDays = 21 * -Math.log(1 - random.nextDouble());
      int day = CUT - 365 + random.nextInt(300);
      boolean boughtAfterCut = false;
      while (day <= (leaves ? CUT : AS_OF)) {
        buy(csv, c, day);
        boughtAfterCut |= day > CUT;
        if (leaves && random.nextDouble() < 0.3) break;
        day += 1 + (int) (meanGapDays * -Math.log(1 - random.nextDouble()));
      }
      if (!leaves && !boughtAfterCut) buy(csv, c, CUT + 30);
    }
    ChurnResult r = run(reads(csv));
    assertThat(r.notes()).extracting(Note::code).containsExactly("churn_without_bgnbd", "churn_too_few");
    assertThat(r.notes().get(0).because().code()).isEqualTo("clv_bgnbd_undefined");
    assertThat(r.notes().get(0).text(java.util.Locale.ENGLISH))
        .startsWith("BG/NBD not used, so the classifier runs without P(alive) and has no baseline to beat: BG/NBD "
            + "predictions need a + b > 1");
    assertThat(r.baseline()).isNull();
    assertThat(r.churnProb()).containsOnly(Float.NaN);
  }
}
