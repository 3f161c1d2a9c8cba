package strata.survey;

import strata.caps.CapHit;
import strata.playbook.Channel;

/**
 * A survey invitation due on the plan's day.
 *
 * @param cappedBy the contact cap that holds it back today, or null when it is to be sent
 */
public record Invitation(String customerId, String tier, Kind kind, Channel channel, CapHit cappedBy) {
  public enum Kind {
    NPS, CSAT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
