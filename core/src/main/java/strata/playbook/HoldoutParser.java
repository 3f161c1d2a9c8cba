package strata.playbook;

import java.util.Map;

/** Reads a {@code holdout:} key, e.g. {@code holdout: {experiment: winback_2027, share: 0.1}}. */
final class HoldoutParser {
  /** A larger control group would withhold the service from most customers; that is a pause, not an experiment. */
  static final double MAX_SHARE = 0.5;

  private HoldoutParser() {}

  /** @return null when {@code value} is absent */
  static Holdout parse(String at, Object value) {
    if (value == null) return null;
    Map<?, ?> m = Yaml.map(at, value);
    Yaml.onlyKeys(at, m, "experiment", "share");
    String id = Yaml.text(at + ".experiment", m.get("experiment"));
    if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
      throw new PlaybookException(at + ".experiment",
          "an experiment id is lower-case letters, digits and _ (at most 40), got '" + id + "'");
    }
    Object share = m.get("share");
    if (share == null) throw new PlaybookException(at + ".share", "missing; give the held-out share, e.g. 0.1");
    if (!(share instanceof Number n)) throw new PlaybookException(at + ".share", "must be a number, got '" + share + "'");
    double s = n.doubleValue();
    if (!(s > 0 && s <= MAX_SHARE)) {
      throw new PlaybookException(at + ".share", "must be above 0 and at most " + MAX_SHARE + ", got " + share);
    }
    return new Holdout(id, s);
  }
}
