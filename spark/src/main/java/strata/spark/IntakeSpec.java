package strata.spark;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import strata.intake.FormatSniffer;
import strata.intake.RangeIntake;

/**
 * What every task needs to read its range as the driver does: the file's head and the user's hints, shipped once per
 * executor (core's format objects hold a {@link Charset}, which does not serialise).
 *
 * @param charset encoding named by the user, or null to detect it
 * @param columns the columns of a file without header, or null
 * @param mergedIds customer id to the id its rows are summarised under (the run's {@code IdMerges#merged})
 * @param outlierCents rows of at least this absolute amount are left out (amount_outlier); Long.MAX_VALUE keeps them
 */
record IntakeSpec(String fileName, byte[] head, String charset, String delimiter, List<String> columns,
    String dateFormat, Map<String, String> columnMap, LocalDate asOf, Map<String, String> mergedIds,
    long outlierCents) implements Serializable {

  /** The user's hints for the transactions file, by name (null fields are detected). */
  record Hints(String charset, String delimiter, List<String> columns, String dateFormat) implements Serializable {}

  RangeIntake intake() {
    FormatSniffer.Hints hints = new FormatSniffer.Hints(charset == null ? null : Charset.forName(charset), delimiter,
        columns, dateFormat);
    return new RangeIntake(fileName, head, hints, columnMap, asOf, mergedIds, outlierCents);
  }
}
