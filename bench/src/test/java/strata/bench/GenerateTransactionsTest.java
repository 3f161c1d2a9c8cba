package strata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTransactionsTest {

    static final int ROWS = 200_000;
    static final int CUSTOMERS = 20_000;

    @TempDir
    static Path dir;
    static Path file;
    static LocalDate reportedMax;
    static List<String> lines;

    @BeforeAll
    static void generate() throws IOException {
        file = dir.resolve("tx.csv");
        reportedMax = GenerateTransactions.write(new TransactionModel(ROWS, CUSTOMERS, 5), file, 2);
        lines = Files.readAllLines(file);
    }

    @Test
    void writesHeaderAndOneWellFormedLinePerRow() {
        assertThat(lines.get(0)).isEqualTo("customer_id,order_date,amount");
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines.subList(1, lines.size()))
                .allMatch(line -> line.matches("C\\d{7},20\\d\\d-\\d\\d-\\d\\d,-?\\d+\\.\\d\\d"));
    }

    @Test
    void holdsExactlyTheRequestedNumberOfCustomers() {
        assertThat(ordersPerCustomer()).hasSize(CUSTOMERS);
    }

    @Test
    void aboutOnePercentOfRowsAreRefunds() {
        long refunds = lines.stream().skip(1).filter(line -> line.contains(",-")).count();
        // Binomial(200k, 0.01): sd = 44 rows = 0.0002; tolerance 0.001 is five sd.
        assertThat(refunds / (double) ROWS).isCloseTo(0.01, within(0.001));
    }

    @Test
    void activityIsSkewedManyBuyOnceAFewOften() {
        Map<String, Integer> orders = ordersPerCustomer();
        long once = orders.values().stream().filter(n -> n == 1).count();
        int most = orders.values().stream().max(Integer::compare).orElseThrow();
        // Design: 30 % never return plus repeat buyers who draw no extra order (NBD, shape 1/2).
        assertThat(once / (double) CUSTOMERS).isBetween(0.35, 0.55);
        assertThat(most).isGreaterThan(10 * ROWS / CUSTOMERS);
    }

    @Test
    void customersAreInterleavedNotSorted() {
        int changes = 0;
        for (int i = 2; i < lines.size(); i++) {
            changes += customer(lines.get(i)).equals(customer(lines.get(i - 1))) ? 0 : 1;
        }
        // A file sorted by customer changes id CUSTOMERS - 1 times; an interleaved one almost every row.
        assertThat(changes).isGreaterThan(ROWS * 9 / 10);
    }

    @Test
    void reportsTheLatestDateInTheFile() {
        LocalDate max = lines.stream().skip(1).map(line -> LocalDate.parse(line.split(",")[1]))
                .max(LocalDate::compareTo).orElseThrow();
        assertThat(reportedMax).isEqualTo(max);
        assertThat(max).isBeforeOrEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void sameSeedGivesSameFileWhateverTheThreadCount() throws IOException {
        Path single = dir.resolve("single.csv");
        GenerateTransactions.write(new TransactionModel(ROWS, CUSTOMERS, 5), single, 1);
        assertThat(Files.mismatch(file, single)).isEqualTo(-1L);
    }

    @Test
    void rejectsFewerRowsThanCustomers() {
        assertThatThrownBy(() -> new TransactionModel(10, 11, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rows (10)");
        assertThatThrownBy(() -> new TransactionModel(10, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--customers");
    }

    @Test
    void oneCustomerOneRowIsFine() throws IOException {
        Path tiny = dir.resolve("tiny.csv");
        GenerateTransactions.write(new TransactionModel(1, 1, 3), tiny, 1);
        assertThat(Files.readAllLines(tiny)).hasSize(2).element(1).asString().startsWith("C0000000,");
    }

    private static Map<String, Integer> ordersPerCustomer() {
        Map<String, Integer> orders = new HashMap<>();
        lines.stream().skip(1).forEach(line -> orders.merge(customer(line), 1, Integer::sum));
        return orders;
    }

    private static String customer(String line) {
        return line.substring(0, line.indexOf(','));
    }
}
