package strata.server.kpi;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four fields the KPIs need from a snapshot row's metrics JSON (about 40 fields), read with a streaming parser
 * that skips the rest: building a tree of every row's metrics was most of a snapshot's read (bench/README.md "KPIs at
 * 1M customers × 24 snapshots on PostgreSQL").
 *
 * @param purchaseDays, complaints 0 when absent or null; {@code region}, {@code industry} "" likewise
 */
record KpiMetrics(int purchaseDays, int complaints, String region, String industry) {
  static KpiMetrics of(JsonMapper json, String metrics) {
    int purchaseDays = 0;
    int complaints = 0;
    String region = "";
    String industry = "";
    try (JsonParser p = json.createParser(metrics)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("metrics are not an object");
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
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
