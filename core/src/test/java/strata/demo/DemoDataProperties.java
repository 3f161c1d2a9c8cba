package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import strata.testing.TempDirs;

/** Invariants that must hold for any seed, size and as-of date, not just the default demo. */
class DemoDataProperties {

  @Property(tries = 12)
  void filesAreWellFormedForAnyOptions(@ForAll long seed, @ForAll @IntRange(min = 50, max = 400) int customers,
      @ForAll @IntRange(min = 0, max = 58_000) int daysAfter1980) throws IOException {
    LocalDate asOf = LocalDate.of(1980, 1, 1).plusDays(daysAfter1980);
    DemoOptions options = new DemoOptions(seed, customers, asOf);
    Path dir = Files.createTempDirectory("strata-demo");
    try {
      DemoFiles files = DemoDataGenerator.write(dir, options);
      checkOrders(files, options);
      checkOtherFiles(files, options);
    } finally {
      TempDirs.delete(dir);
    }
  }

  private static void checkOrders(DemoFiles files, DemoOptions options) throws IOException {
    DemoCsv csv = DemoCsv.read(files.transactions()); // strict: every row has 8 fields
    DemoOrders orders = new DemoOrders(csv);
    LocalDateTime asOf = options.asOf().atStartOfDay();
    assertThat(orders.rejected).isEqualTo(DemoDataGenerator.REJECTED_ORDER_ROWS);
    assertThat(csv.values("下单日期")).filteredOn(d -> d.startsWith((options.asOf().getYear() - 1) + "-02-30 "))
        .hasSize(DemoDataGenerator.IMPOSSIBLE_DATE_ROWS);
    assertThat(csv.values("金额")).filteredOn(DemoDataGenerator.CURRENCY_FORMATTED_AMOUNT::equals)
        .hasSize(DemoDataGenerator.CURRENCY_FORMATTED_AMOUNT_ROWS);
    List<String> lines = Files.readAllLines(files.transactions(), StandardCharsets.UTF_8);
    assertThat(lines.size() - lines.stream().distinct().count()).isEqualTo(DemoDataGenerator.DUPLICATE_ORDER_ROWS);
    assertThat(orders.lines).allSatisfy(l ->
        assertThat(l.time()).isAfterOrEqualTo(asOf.minusYears(3)).isBefore(asOf));

    Set<String> ids = new HashSet<>(DemoCsv.read(files.customers()).values("客户编号"));
    assertThat(ids).hasSize(options.customers());
    assertThat(orders.byCustomer.keySet()).allMatch(ids::contains);
    Population people = DemoDataGenerator.population(options);
    for (int i = 0; i < people.size; i++) {
      if (people.cohort[i] == Cohort.PROSPECT) {
        assertThat(orders.byCustomer).doesNotContainKey(Population.customerId(i));
      }
    }
  }

  private static void checkOtherFiles(DemoFiles files, DemoOptions options) {
    LocalDateTime asOf = options.asOf().atStartOfDay();
    assertThat(DemoCsv.read(files.interactions()).values("时间"))
        .allMatch(t -> LocalDateTime.parse(t.replace(' ', 'T')).isBefore(asOf));
    DemoCsv surveys = DemoCsv.read(files.surveys());
    assertThat(surveys.values("日期")).allMatch(d -> LocalDate.parse(d).isBefore(options.asOf()));
    assertThat(surveys.rows()).noneMatch(r -> r.get(2).isEmpty() && r.get(3).isEmpty());
    assertThat(DemoCsv.read(files.customers()).values("创建日期"))
        .allMatch(d -> LocalDate.parse(d).isBefore(options.asOf()));
  }


}
