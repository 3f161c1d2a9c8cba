package strata.churn;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import strata.intake.Column;
import strata.intake.Engagement;
import strata.intake.FileKind;
import strata.intake.FormatSniffer;
import strata.intake.RowIntake;

/**
 * Interactions and survey answers up to a day, per customer: training features must not see what happened after the
 * cut-off. Rejected rows are skipped here; the scoring run's own intake of these files reports them.
 */
public final class EngagementAsOf {
  private EngagementAsOf() {}

  /** @param interactions or null; @param surveys or null */
  public static Map<String, Engagement> read(Path interactions, Path surveys, FormatSniffer.Hints hints,
      Map<String, String> columnMap, Path tempDir, int lastDay) {
    Map<String, Engagement> out = new HashMap<>();
    if (interactions != null) {
      RowIntake.read(interactions, interactions.getFileName().toString(), FileKind.INTERACTIONS, hints, columnMap,
          row -> {
            if (row.day() <= lastDay) {
              out.merge(row.get(Column.CUSTOMER_ID), Engagement.interaction(row.get(Column.TYPE), row.day()),
                  Engagement::merge);
            }
          }, rejected -> { }, tempDir, bytes -> { });
    }
    if (surveys != null) {
      RowIntake.read(surveys, surveys.getFileName().toString(), FileKind.SURVEYS, hints, columnMap, row -> {
        if (row.day() <= lastDay) {
          out.merge(row.get(Column.CUSTOMER_ID), Engagement.survey(row.nps(), row.csat(), row.day()), Engagement::merge);
        }
      }, rejected -> { }, tempDir, bytes -> { });
    }
    return out;
  }
}
