package strata.kpi;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import strata.intake.CsvText;

/**
 * kpi.csv: one row per dimension, group and tier of a {@link KpiTable} (UTF-8 with BOM, LF). Machine columns: shares
 * are fractions (0.25 for 25 %), money in currency units, an empty cell is an empty figure; the all-tiers row has an
 * empty tier and the {@code all} dimension an empty group.
 */
public final class KpiCsv {
  public static final String HEADER = "as_of,previous_as_of,model_version,dimension,group,tier,customers,buyers,"
      + "revenue,revenue_share,average_order_value,repurchase_rate,previous_active,retention,churn_rate,moved_up,"
      + "moved_down,net_migration,average_clv,average_p_alive,nps,nps_answers,csat,csat_answers,complaints_per_100";

  private KpiCsv() {}

  public static void write(KpiTable table, Path file) throws IOException {
    try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
        StandardCharsets.UTF_8)); CsvWriter out = CsvWriter.builder().quoteStrategy(CsvText.QUOTING)
        .lineDelimiter(LineDelimiter.LF).build(writer)) {
      writer.write('\uFEFF');
      writer.write(HEADER);
      writer.write('\n');
      String asOf = table.current().asOf().toString();
      String previous = table.previous() == null ? "" : table.previous().asOf().toString();
      for (KpiRow r : table.rows()) {
        List<String> cells = new ArrayList<>(List.of(asOf, previous, CsvText.guarded(table.current().modelVersion()),
            r.dimension(), CsvText.guarded(r.group()), r.tier() == null ? "" : r.tier(),
            Long.toString(r.customers()), Long.toString(r.buyers()),
            BigDecimal.valueOf(r.revenueCents(), 2).toPlainString()));
        for (Object v : new Object[] {r.revenueShare(), r.averageOrderValue(), r.repurchaseRate(),
            r.previousActive(), r.retention(), r.churnRate(), r.movedUp(), r.movedDown(), r.netMigration(),
            r.averageClv(), r.averagePAlive(), r.nps(), r.npsAnswers(), r.csat(), r.csatAnswers(),
            r.complaintsPer100()}) {
          cells.add(number(v));
        }
        out.writeRecord(cells);
      }
    }
  }

  private static String number(Object v) {
    if (v == null) return "";
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.6f", d).replaceAll("\\.?0+$", "");
    return v.toString();
  }
}
