package strata.server.run;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.server.data.CopyCsv;
import strata.server.data.Dialect;
import strata.server.override.OverrideStore;
import strata.tier.Metric;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's per-customer rows: effective and model tier, the scores the API filters on, every metric (values
 * only, named once per run: {@link SnapshotMetrics}), and the explanation ({@link SnapshotExplanations}). Rows are
 * written outside the publishing transaction; until the run is published nobody reads them, and a failed run's rows
 * are deleted.
 */
final class SnapshotWriter {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotWriter.class);
  private static final int BATCH = 1000;
  private static final int COPY_ROWS = 50_000;

  private SnapshotWriter() {}

  private static final String COLUMNS = "run_id, customer_id, tier, model_tier, override_id, segment, segment11, "
      + "lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, r_score, f_score, m_score, "
      + "composite_score, clv, p_alive, metrics, explanation, owner";

  /** @return customers per effective tier, in model order */
  static Map<String, Long> write(DataSource dataSource, Dialect dialect, JsonMapper json, long runId,
      RunResult result, Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      // The names of the rows' metrics, once for the run; committed before any row, as the rows are.
      try (PreparedStatement keys = c.prepareStatement("update tier_run set metric_keys = ? where id = ?")) {
        keys.setString(1, json.writeValueAsString(SnapshotMetrics.KEYS));
        keys.setLong(2, runId);
        keys.executeUpdate();
      }
      if (dialect.postgres()) return writeCopy(c, json, runId, result, overrides, written);
      return writeBatches(c, json, runId, result, overrides, written);
    }
  }

  /**
   * The PostgreSQL path, into the run's own table ({@link SnapshotTables}): each chunk of {@link #COPY_ROWS} rows is
   * one COPY, streamed as its rows are formatted, all in the transaction that made the table; the table is indexed
   * once all are in. Measured at 1M customers (bench/README.md "A full run at 1M customers"): COPYs of 1000 rows,
   * each built in memory and committed, left the database idle while the server formatted the next thousand and
   * waited on a thousand commits; streaming lets both cores work.
   */
  private static Map<String, Long> writeCopy(Connection c, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    Map<String, Long> counts = new LinkedHashMap<>();
    result.model().tiers().forEach(t -> counts.put(t.id(), 0L));
    SnapshotExplanations explanations = new SnapshotExplanations(json, result);
    MetricsText metrics = new MetricsText(json);
    c.setAutoCommit(false);
    long started = System.nanoTime();
    try {
      // One transaction from the table's creation to its last row, so that COPY writes the rows frozen and the pages
      // all-visible (FREEZE, PostgreSQL 14 on): the lists' index-only scans skip the rows from the publication on,
      // where an analysed but never vacuumed table had each of them read its row until autovacuum came by; and no
      // later reader or vacuum rewrites the pages to set the rows' hint bits. A kill rolls the table back whole.
      SnapshotTables.create(c, runId);
      String copy = "copy " + SnapshotTables.of(runId) + " (" + COLUMNS + ") from stdin (format csv, freeze)";
      for (int from = 0; from < s.size; from += COPY_ROWS) {
        int first = from;
        int to = Math.min(s.size, from + COPY_ROWS);
        CopyCsv.copyIn(c, copy, csv -> {
          for (int i = first; i < to; i++) {
            Object[] row = row(explanations, metrics, runId, result, overrides, i);
            counts.merge((String) row[2], 1L, Long::sum);
            csv.add(row);
          }
        });
        written.accept(to);
      }
      explanations.write(c, runId);
      c.commit();
      long copied = System.nanoTime();
      SnapshotTables.index(c, runId);
      c.commit();
      // The two halves of the write, for whoever tunes the database at scale (bench/README.md "A snapshot per
      // partition").
      log.info("run {}: {} snapshot rows copied in {} ms, indexed in {} ms", runId, s.size,
          (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
    } catch (IOException e) {
      throw new SQLException("cannot copy snapshot rows: " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
    return counts;
  }

  /** One snapshot row's values, in the order of {@link #COLUMNS}. */
  private static Object[] row(SnapshotExplanations explanations, MetricsText metrics, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, int i) {
    ScoredCustomers s = result.customers();
    String id = s.customerId(i);
    String modelTier = result.model().tiers().get(s.tier[i]).id();
    OverrideStore.Override o = overrides.get(id);
    Metric[] all = Metric.values();
    Object[] v = new Object[all.length];
    for (Metric m : all) v[m.ordinal()] = s.value(i, m);
    // The model's reason alone, also under an override: the note of the override in force is put in front when the
    // row is read, so a row never tells of an override removed, replaced or expired since.
    String explanation = explanations.of(i, s.tier[i]);
    return new Object[] {runId, id, o != null ? o.tier() : modelTier, modelTier, o == null ? null : o.id(),
        v[Metric.RFM_SEGMENT.ordinal()], v[Metric.RFM_SEGMENT11.ordinal()], v[Metric.LIFECYCLE_STAGE.ordinal()],
        v[Metric.ABC_CLASS.ordinal()], v[Metric.VALUE_QUADRANT.ordinal()], v[Metric.RECENCY_DAYS.ordinal()],
        v[Metric.FREQUENCY.ordinal()], s.bought(i) ? s.purchases.netCents[i] : 0L, v[Metric.R_SCORE.ordinal()],
        v[Metric.F_SCORE.ordinal()], v[Metric.M_SCORE.ordinal()], real(v[Metric.COMPOSITE_SCORE.ordinal()]),
        real(v[Metric.CLV.ordinal()]), real(v[Metric.P_ALIVE.ordinal()]), metrics.of(v, churnReasons(s, i)),
        explanation, owner(s, i)};
  }

  /**
   * A row's metrics as stored: the values alone as a JSON array in the order of {@link SnapshotMetrics#KEYS}, the
   * churn reasons last and only when there are some, written with one generator per row instead of a map serialised
   * per row (the map and the names were most of the server's formatting, bench/README.md "Snapshot rows without
   * their metric names"). Doubles through Jackson's shortest round-trip writer: JDK 17's own was the larger half of
   * the rest at 1M rows (bench/README.md "A full run at 1M customers: reading and formatting").
   */
  static final class MetricsText {
    private final ObjectWriter writer;
    private final StringWriter text = new StringWriter(512);

    MetricsText(JsonMapper json) {
      this.writer = json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    String of(Object[] values, List<String> churnReasons) {
      text.getBuffer().setLength(0);
      try (JsonGenerator g = writer.createGenerator(text)) {
        g.writeStartArray();
        for (Object v : values) {
          if (v == null) g.writeNull();
          else if (v instanceof Long n) g.writeNumber(n.longValue());
          else if (v instanceof Double d) g.writeNumber(d.doubleValue());
          else if (v instanceof String t) g.writeString(t);
          else writer.writeValue(g, v); // as the mapper writes the rest (booleans)
        }
        if (churnReasons != null) {
          g.writeStartArray();
          for (String r : churnReasons) g.writeString(r);
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      return text.toString();
    }
  }

  /** The metrics' key of a buyer's churn_prob reasons: feature codes, strongest first (GET /meta names them). */
  static final String CHURN_REASONS = "churn_reasons";

  /**
   * The features that pushed the customer's churn_prob most; null without a churn prediction for them or when the
   * probability is the BG/NBD baseline's (it has no reasons: the 360 page says where it came from instead).
   */
  private static List<String> churnReasons(ScoredCustomers s, int i) {
    if (s.churn == null || !s.churn.usesClassifier() || !s.bought(i)) return null;
    int k = strata.churn.ChurnResult.REASONS;
    List<String> out = new java.util.ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      int f = s.churn.reasonFeature()[i * k + q];
      if (f < 0) break;
      out.add(s.churn.features().get(f));
    }
    return out;
  }

  /**
   * The owner of the customer's profile as the run read it; null without a profile (as a join with customer finds
   * none). A change made while the run scored is caught up when it publishes ({@link SnapshotOwners#catchUp}).
   */
  private static String owner(ScoredCustomers s, int i) {
    return s.profiles == null || s.profiles[i] == null ? null : s.profiles[i].owner();
  }

  private static Float real(Object v) {
    return v instanceof Double d && Double.isFinite(d) ? d.floatValue() : null;
  }

  /** SQL types of {@link #COLUMNS}, for the nulls of the JDBC path. */
  private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT,
      Types.BIGINT, Types.SMALLINT, Types.SMALLINT, Types.SMALLINT, Types.REAL, Types.REAL, Types.REAL,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

  /** The JDBC path (H2): batches of {@link #BATCH} rows, each committed. */
  private static Map<String, Long> writeBatches(Connection c, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    Map<String, Long> counts = new LinkedHashMap<>();
    result.model().tiers().forEach(t -> counts.put(t.id(), 0L));
    String marks = String.join(", ", java.util.Collections.nCopies(TYPES.length, "?"));
    String insert = "insert into snapshot_row (" + COLUMNS + ") values (" + marks + ")";
    SnapshotExplanations explanations = new SnapshotExplanations(json, result);
    MetricsText metrics = new MetricsText(json);
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      c.setAutoCommit(false);
      for (int i = 0; i < s.size; i++) {
        Object[] row = row(explanations, metrics, runId, result, overrides, i);
        counts.merge((String) row[2], 1L, Long::sum);
        for (int k = 0; k < row.length; k++) {
          if (row[k] == null) ps.setNull(k + 1, TYPES[k]);
          else ps.setObject(k + 1, row[k], TYPES[k]);
        }
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == s.size - 1) {
          ps.executeBatch();
          c.commit();
          written.accept(i + 1);
        }
      }
      explanations.write(c, runId);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    return counts;
  }
}
