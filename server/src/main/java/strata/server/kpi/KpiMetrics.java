package strata.server.kpi;

import strata.server.run.SnapshotMetrics;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four fields the KPIs need from a snapshot row's metrics JSON (about 40 values), read with a streaming parser
 * that skips the rest: building a tree of every row's metrics was most of a snapshot's read (bench/README.md "KPIs at
 * 1M customers × 24 snapshots on PostgreSQL").
 *
 * @param purchaseDays, complaints 0 when absent or null; {@code region}, {@code industry} "" likewise
 */
record KpiMetrics(int purchaseDays, int complaints, String region, String industry) {
  /** @param names the run's metric names, which an array of values (rows since V45) is read by */
  static KpiMetrics of(JsonMapper json, SnapshotMetrics names, String metrics) {
    int purchaseDays = 0;
    int complaints = 0;
    String region = "";
    String industry = "";
    try (JsonParser p = json.createParser(metrics)) {
      JsonToken start = p.nextToken();
      if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("metrics are neither an object nor an array");
      }
      boolean named = start == JsonToken.START_OBJECT;
      // An object's values follow their names; an array's are named by their position in the run's key list.
      for (int k = 0; p.nextToken() != (named ? JsonToken.END_OBJECT : JsonToken.END_ARRAY); k++) {
        String name = named ? p.currentName() : names.name(k);
        if (named) p.nextToken();
        switch (name) {
          case "purchase_days" -> purchaseDays = p.getValueAsInt(0);
          case "complaints" -> complaints = p.getValueAsInt(0);
          case "region" -> region = p.getValueAsString("");
          case "industry" -> industry = p.getValueAsString("");
          default -> p.skipChildren();
        }
      }
    }
    return new KpiMetrics(purchaseDays, complaints, region, industry);
  }
}
