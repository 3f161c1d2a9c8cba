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
  private static final int CHUNK = 1 << 15;

  private RfmCsv() {}

  /** One row per buyer, in order of first appearance in the transactions; monetary with two decimals. */
  public static void write(RfmRun.Result run, Path file) throws IOException {
    try (OutputStream out = DirectOutput.open(file)) {
      out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
      // In parallel chunks: on one thread this step was 5 % of an RFM-only run's CPU samples while the other core
      // waited (JFR, 10M rows; bench/README.md).
      OrderedChunks.write(out, run.columns().size, CHUNK, () -> {
        Utf8Builder row = new Utf8Builder(Math.min(run.columns().size, CHUNK) * 40);
        return (from, to) -> format(run, row, from, to);
      });
    }
  }

  private static Utf8Builder format(RfmRun.Result run, Utf8Builder row, int from, int to) {
    PurchaseColumns p = run.columns();
    RfmScores s = run.scores();
    row.clear();
    for (int i = from; i < to; i++) {
      row.text(p.customerId(i, run.idCharset())).comma().number(run.recencyDays(i)).comma().number(p.orders[i])
          .comma().cents(p.netCents[i]).comma().number(s.r()[i]).comma().number(s.f()[i]).comma().number(s.m()[i])
          .newline();
    }
    return row;
  }
}
