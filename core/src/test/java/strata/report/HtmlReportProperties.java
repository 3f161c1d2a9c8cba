package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class HtmlReportProperties {

  @Property(tries = 200)
  void anyTierDataRendersWellFormedWithSharesSummingToOneHundred(
      @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 5_000_000) Long> customers,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000_000_000L) long revenueCents,
      @ForAll String name) {
    List<TierRow> tiers = new ArrayList<>();
    for (int i = 0; i < customers.size(); i++) {
      tiers.add(new TierRow("t" + i, name + i, name, customers.get(i),
          BigDecimal.valueOf(revenueCents * (i + 1), 2)));
    }
    long total = customers.stream().mapToLong(Long::longValue).sum();
    ReportData data = new ReportData(name, Locale.ENGLISH, SampleReports.AS_OF,
        SampleReports.GENERATED, name, total, total, BigDecimal.ZERO, null, null, tiers, null,
        null, null, null, null, null, null);
    String html = HtmlReport.render(data);
    ReportDom page = ReportDom.parse(html);
    assertThat(html).doesNotContain("NaN", "Infinity");
    assertThat(page.count("//svg[@class='chart bar-chart']//rect[@class='bar']")).isEqualTo(tiers.size());
    List<String> shares = page.texts("//table[@class='tier-table']//td[contains(@class,'customer-share')]");
    if (total == 0) {
      assertThat(shares).containsOnly("—");
    } else {
      // Tenths of a percent are whole numbers, so this sum is exact.
      assertThat(shares.stream().mapToLong(s -> Math.round(Double.parseDouble(s.replace("%", "")) * 10)).sum())
          .isEqualTo(1000);
    }
  }
}
