package strata.report;

import java.util.Locale;
import strata.intake.RejectReason;

/** A rejection reason's name for people, from the report's texts, so the report and the server's UI name it alike. */
public final class RejectReasonNames {
  private RejectReasonNames() {}

  public static String of(RejectReason reason, Locale locale) {
    return new ReportText(locale).t("reason." + reason.code());
  }
}
