package strata.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local[2] on the loopback address, no web UI, a handful of shuffle partitions for small data. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession.Builder builder(String app) {
    return SparkSession.builder().master("local[2]").appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1");
  }
}
