package strata.playbook;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tier's budget lines ({@code service.resources}): what the team may spend on each of its customers and how much of
 * the reps' time the tier should take. Planning reads none of them; owners see them beside the customer's playbook and
 * managers see them summed over the customers of each tier.
 *
 * @param giftValue gifts and care per customer per year, in the data's currency; null when not budgeted
 * @param discountCeiling the largest discount an owner may grant without approval, a share 0–1; null for none set
 * @param repHoursShare the share 0–1 of the reps' working hours meant for the tier; null for none set. Over a model's
 *     tiers these add up to at most 1 ({@link #overbooked}).
 * @param touchMinutes minutes one touch by a channel takes a rep with the tier's customers, where the tier sets them
 *     ({@code touch_minutes}); the other channels take {@link #DEFAULT_MINUTES}
 */
public record Resources(Double giftValue, Double discountCeiling, Double repHoursShare,
    Map<Channel, Integer> touchMinutes) {
  /**
   * Minutes one touch takes, travel and notes included: a visit is most of a morning, a call a quarter of an hour, a
   * message a few minutes. Estimates for the split of a rep's hours, not measurements; a team whose visits take a day
   * says so in the tier's {@code touch_minutes}.
   */
  public static final Map<Channel, Integer> DEFAULT_MINUTES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
      Channel.VISIT, 90, Channel.PHONE, 15, Channel.WECHAT, 5, Channel.SMS, 2, Channel.EMAIL, 5)));
  /** The longest touch a tier may set: a working day and then some, so a typo of minutes for hours stands out. */
  public static final int MAX_MINUTES = 1440;
  public static final Resources NONE = new Resources(null, null, null, Map.of());

  public Resources {
    touchMinutes = Map.copyOf(touchMinutes);
  }

  /** Minutes one touch by {@code channel} takes with this tier's customers. */
  public int minutes(Channel channel) {
    Integer set = touchMinutes.get(channel);
    return set != null ? set : DEFAULT_MINUTES.get(channel);
  }

  /**
   * @param plans the tiers' playbooks in model order
   * @return the position of the tier at which the rep hours' shares first add up to more than 1, or -1
   */
  public static int overbooked(List<ServicePlan> plans) {
    double sum = 0;
    for (int i = 0; i < plans.size(); i++) {
      Double share = plans.get(i).resources().repHoursShare();
      if (share == null) continue;
      sum += share;
      // A tolerance for shares written as decimals (0.1 + 0.2 is 0.30000000000000004 in binary floating point).
      if (sum > 1 + 1e-9) return i;
    }
    return -1;
  }

  /** The rep hours' shares of the given tiers added up, for the error message. */
  public static double repHoursTotal(List<ServicePlan> plans) {
    return plans.stream().map(p -> p.resources().repHoursShare()).filter(s -> s != null)
        .mapToDouble(Double::doubleValue).sum();
  }
}
