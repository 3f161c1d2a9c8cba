package strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.clv.CalibrationData;
import strata.clv.CustomerValue;
import strata.clv.SpendData;
import strata.intake.TransactionIntake;
import strata.summary.PurchaseColumns;

class ClvStageTest {
  @TempDir Path dir;

  /** Simulated purchase log: 3,000 customers with gamma-distributed weekly rates and geometric dropout. */
  private PurchaseColumns simulated(int asOfDay) throws IOException {
    Random rnd = new Random(11);
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    int start = asOfDay - 700;
    for (int c = 0; c < 3000; c++) {
      double rate = -Math.log(1 - rnd.nextDouble()) * 0.1; // purchases a week, exponential(mean 0.1)
      double spend = 20 + rnd.nextInt(80);
      int day = start + rnd.nextInt(300);
      while (day < asOfDay) {
        sb.append('C').append(c).append(',').append(LocalDate.ofEpochDay(day)).append(',')
            .append(spend + rnd.nextInt(10)).append('\n');
        if (rnd.nextDouble() < 0.3) break; // dropout after a purchase
        day += 1 + (int) (-Math.log(1 - rnd.nextDouble()) / rate * 7);
      }
    }
    Path f = dir.resolve("sim.csv");
    Files.writeString(f, sb.toString());
    return TransactionIntake.read(f, TransactionIntake.Options.defaults().withTempDir(dir), r -> { }, b -> { })
        .table().freeze(ClvStage.splitDay(start, asOfDay));
  }

  @Test
  void perPairValuesEqualTheModelsPerCustomerClv() throws IOException {
    int asOf = (int) LocalDate.of(2025, 1, 1).toEpochDay();
    PurchaseColumns p = simulated(asOf);
    ClvStage.Result r = ClvStage.run(p, asOf);
    assertThat(r.notes()).isEmpty();
    // Independent path: the library's own per-customer CLV with the same fits and horizon.
    CalibrationData data = ClvStage.calibration(p, asOf);
    SpendData spend = ClvStage.spend(p);
    double[] expected = CustomerValue.clv(r.bgNbd().model(), r.gammaGamma().model(), data, spend, ClvStage.HORIZON);
    double[] alive = r.bgNbd().model().probabilityAlive(data);
    double[] next90 = r.bgNbd().model().expectedPurchases(data, 90 / 7.0);
    for (int i = 0; i < p.size; i++) {
      assertThat((double) r.clv()[i]).isCloseTo(expected[i], within(1e-4 * Math.max(1, expected[i])));
      assertThat((double) r.pAlive()[i]).isCloseTo(alive[i], within(1e-6));
      assertThat((double) r.expected90()[i]).isCloseTo(next90[i], within(1e-5));
    }
    assertThat(r.holdout()).isNotNull();
    assertThat(r.holdout().customers()).isPositive();
  }

  @Test
  void tooLittleDataLeavesPredictionsEmptyAndSaysWhy() throws IOException {
    Path f = dir.resolve("few.csv");
    Files.writeString(f, "customer_id,order_date,amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-03,7\n");
    PurchaseColumns p = TransactionIntake.read(f, TransactionIntake.Options.defaults().withTempDir(dir), r -> { },
        b -> { }).table().freeze();
    ClvStage.Result r = ClvStage.run(p, (int) LocalDate.of(2024, 3, 1).toEpochDay());
    assertThat(r.clv()).containsOnly(Float.NaN);
    assertThat(r.pAlive()).containsOnly(Float.NaN);
    assertThat(r.notes()).singleElement().asString().startsWith("CLV and P(alive) not computed: ");
  }
}
