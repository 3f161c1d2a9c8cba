package strata.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast oracle used for the 1M-row check must agree with the obviously-correct brute force. */
class RfmOracleTest {

    @Test
    void sortingAgreesWithBruteForce(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.csv");
        LocalDate asOf = GenerateTransactions.write(new TransactionModel(20_000, 3_000, 11), tx, 2).plusDays(1);
        RfmOracle.Totals totals = RfmOracle.totals(tx, asOf);
        assertThat(RfmOracle.scoreBySorting(totals)).isEqualTo(RfmOracle.scoreByBruteForce(totals));
    }
}
