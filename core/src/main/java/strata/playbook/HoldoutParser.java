package strata.playbook;

import java.util.Map;

/** Reads a {@code holdout:} key, e.g. {@code holdout: {experiment: winback_2027, share: 0.1, days: 120}}. */
final class HoldoutParser {
  /** A larger control group would withhold the service from most customers; that is a pause, not an experiment. */
  static final double MAX_SHARE = 0.5;

  private HoldoutParser() {}

  /** @return null when {@code value} is absent */
  static Holdout parse(String at, Object value) {
    if (value == null) return null;
    Map<?, ?> m = Yaml.map(at, value);
    Yaml.onlyKeys(at, m, "experiment", "share", "days");
    String id = Yaml.text(at + ".experiment", m.get("experiment"));
    if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
      throw new PlaybookException(at + ".experiment", "bad_experiment_id", "value", id);
    }
    Object share = m.get("share");
    if (share == null) throw new PlaybookException(at + ".share", "missing_share");
    if (!(share instanceof Number n)) {
      throw new PlaybookException(at + ".share", "not_number", "value", String.valueOf(share));
    }
    double s = n.doubleValue();
    if (!(s > 0 && s <= MAX_SHARE)) {
      throw new PlaybookException(at + ".share", "share_out_of_range", "max", String.valueOf(MAX_SHARE),
          "value", String.valueOf(share));
    }
    return new Holdout(id, s, days(at + ".days", m.get("days")));
  }

  private static Integer days(String at, Object value) {
    if (value == null) return null;
    if (!(value instanceof Integer d)) throw new PlaybookException(at, "not_whole_number", "value", String.valueOf(value));
    if (d < 1 || d > Holdout.MAX_DAYS) {
      throw new PlaybookException(at, "days_out_of_range", "max", String.valueOf(Holdout.MAX_DAYS),
          "value", String.valueOf(d));
    }
    return d;
  }
}
