package strata.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import strata.rfm.RfmScores;
import strata.summary.PurchaseColumns;

/**
 * rfm.csv, the output of {@link RfmRun}: the columns, order and number forms of the benchmark's DuckDB query
 * (bench/README.md), so the two files compare byte for byte once their rows are sorted. Unlike customers.csv it has
 * no byte-order mark, as DuckDB writes none; ids are quoted and formula-guarded as in every Strata CSV.
 */
public final class RfmCsv {
  public static final String HEADER = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score";
  private static final int FLUSH = 1 << 20;

  private RfmCsv() {}

  /** One row per buyer, in order of first appearance in the transactions; monetary with two decimals. */
  public static void write(RfmRun.Result run, Path file) throws IOException {
    PurchaseColumns p = run.columns();
    RfmScores s = run.scores();
    Utf8Builder row = new Utf8Builder(FLUSH + 4096);
    try (OutputStream out = DirectOutput.open(file)) {
      out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < p.size; i++) {
        row.text(p.customerId(i, run.idCharset())).comma().number(run.recencyDays(i)).comma().number(p.orders[i])
            .comma().cents(p.netCents[i]).comma().number(s.r()[i]).comma().number(s.f()[i]).comma().number(s.m()[i])
            .newline();
        if (row.length() >= FLUSH) {
          row.writeTo(out);
          row.clear();
        }
      }
      row.writeTo(out);
    }
  }
}
