package strata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbRfmTest {

    @TempDir
    Path dir;

    @Test
    void tinyHandMadeFileGivesHandComputedScores() throws Exception {
        Path tx = write("tx.csv", """
                customer_id,order_date,amount
                A,2024-01-10,100.00
                B,2024-01-05,80.00
                C,2024-01-10,20.00
                A,2024-01-01,50.00
                D,2023-12-01,500.00
                E,2024-01-08,10.00
                B,2024-01-06,-30.00
                E,2024-01-09,10.00
                E,2024-01-10,-10.00
                """);
        Map<String, ScoreRow> scores = duckDb(tx, LocalDate.of(2024, 1, 11));

        // By hand, n = 5, score = 1 + floor(5 * worse / 5) = 1 + worse.
        // recency A1 B5 C1 D41 E1: worse = strictly larger -> A,C,E 2 (B,D); B 1 (D); D 0.
        // frequency A2 B2 C1 D1 E3: worse = strictly lower -> A,B 2; C,D 0; E 4.
        // monetary A150 B50 (80-30) C20 D500 E10 (10+10-10): E0 C1 B2 A3 D4.
        assertThat(scores).containsOnly(
                Map.entry("A", new ScoreRow("A", 1, 2, new BigDecimal("150.00"), 3, 3, 4)),
                Map.entry("B", new ScoreRow("B", 5, 2, new BigDecimal("50.00"), 2, 3, 3)),
                Map.entry("C", new ScoreRow("C", 1, 1, new BigDecimal("20.00"), 3, 1, 2)),
                Map.entry("D", new ScoreRow("D", 41, 1, new BigDecimal("500.00"), 1, 1, 5)),
                Map.entry("E", new ScoreRow("E", 1, 3, new BigDecimal("10.00"), 3, 5, 1)));
    }

    @Test
    void tiesShareTheSameScore() throws Exception {
        // Ten customers, one order each except: G,H buy twice, I three times, J four times.
        StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
        int[] orders = {1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
        for (int c = 0; c < orders.length; c++) {
            for (int k = 0; k < orders[c]; k++) {
                csv.append((char) ('A' + c)).append(",2024-01-01,5.00\n");
            }
        }
        Map<String, ScoreRow> scores = duckDb(write("ties.csv", csv.toString()), LocalDate.of(2024, 1, 2));

        // By hand, n = 10: frequency 1 -> 0 below -> F1 for all six (NTILE would split them 1,1,2,2,3,3);
        // 2 -> 6 below -> 1 + floor(30/10) = 4; 3 -> 8 below -> 5; 4 -> 9 below -> 1 + floor(45/10) = 5.
        // Everyone bought on the same day: recency all tied -> R1 for all.
        int[] expectedF = {1, 1, 1, 1, 1, 1, 4, 4, 5, 5};
        for (int c = 0; c < orders.length; c++) {
            ScoreRow row = scores.get(String.valueOf((char) ('A' + c)));
            assertThat(row.fScore()).as("F of customer %s", row.customerId()).isEqualTo(expectedF[c]);
            assertThat(row.rScore()).isEqualTo(1);
        }
    }

    @Test
    void aSingleCustomerHasNobodyBelowAndScoresOne() throws Exception {
        Path tx = write("one.csv", "customer_id,order_date,amount\nX,2024-03-01,9.99\n");
        assertThat(duckDb(tx, LocalDate.of(2024, 3, 2)))
                .containsExactly(Map.entry("X", new ScoreRow("X", 1, 1, new BigDecimal("9.99"), 1, 1, 1)));
    }

    @Test
    void matchesIndependentJavaComputationOnGeneratedFile() throws Exception {
        // 50k rows / 5k customers by default; run with -Dbench.oracle.rows=1000000
        // -Dbench.oracle.customers=100000 for the larger check (then the O(n log n) oracle is used).
        long rows = Long.getLong("bench.oracle.rows", 50_000);
        int customers = Integer.getInteger("bench.oracle.customers", 5_000);
        Path tx = dir.resolve("generated.csv");
        LocalDate asOf = GenerateTransactions.write(new TransactionModel(rows, customers, 7), tx, 2).plusDays(1);

        RfmOracle.Totals totals = RfmOracle.totals(tx, asOf);
        Map<String, ScoreRow> expected = customers <= 10_000
                ? RfmOracle.scoreByBruteForce(totals) : RfmOracle.scoreBySorting(totals);
        Map<String, ScoreRow> actual = duckDb(tx, asOf);

        assertThat(actual).hasSize(customers);
        for (ScoreRow row : expected.values()) {
            assertThat(actual.get(row.customerId())).isEqualTo(row);
        }
    }

    @Test
    void headerOnlyFileGivesNoCustomers() throws Exception {
        Path tx = write("empty.csv", "customer_id,order_date,amount\n");
        assertThat(duckDb(tx, LocalDate.of(2024, 1, 1))).isEmpty();
    }

    @Test
    void badAmountFailsWithTheLineInTheMessage() throws IOException {
        Path tx = write("bad.csv", "customer_id,order_date,amount\nA,2024-01-01,1.00\nB,2024-01-02,abc\n");
        assertThatThrownBy(() -> duckDb(tx, LocalDate.of(2024, 1, 3)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("abc")
                .hasMessageContaining("Line: 3");
    }

    @Test
    void wrongHeaderIsRejected() throws IOException {
        Path tx = write("header.csv", "customer,date\nA,2024-01-01\n");
        assertThatThrownBy(() -> duckDb(tx, LocalDate.of(2024, 1, 3))).isInstanceOf(SQLException.class);
    }

    @Test
    void zeroThreadsIsRejected() throws IOException {
        Path tx = write("t.csv", "customer_id,order_date,amount\n");
        assertThatThrownBy(() -> DuckDbRfm.run(tx, LocalDate.of(2024, 1, 1), dir.resolve("o.csv"), 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--threads");
    }

    private Map<String, ScoreRow> duckDb(Path tx, LocalDate asOf) throws SQLException, IOException {
        Path out = dir.resolve("scores-" + tx.getFileName());
        long written = DuckDbRfm.run(tx, asOf, out, 2, false);
        Map<String, ScoreRow> rows = new HashMap<>();
        ScoreFile.read(out, row -> rows.put(row.customerId(), row));
        assertThat(rows).hasSize((int) written);
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
