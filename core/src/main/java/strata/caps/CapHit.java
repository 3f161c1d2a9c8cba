package strata.caps;

import strata.playbook.Channel;

/**
 * The cap that stopped a touch: at most {@code limit} touches per {@code period} ("week" or "month") by
 * {@code channel}, or across all channels when channel is null.
 */
public record CapHit(Channel channel, String period, int limit) {
  /** As written in output files, e.g. {@code phone/week<=1} or {@code all/month<=4}. */
  public String code() {
    return (channel == null ? "all" : channel.code()) + "/" + period + "<=" + limit;
  }
}
