package strata.plan;

import java.time.LocalDate;
import java.util.Set;
import strata.playbook.Channel;

/**
 * A scored customer as the planner sees it: tiers, owner and the dates its triggers read.
 *
 * @param previousTier the tier at the previous scoring run, null when unknown; {@code previousAsOf} that run's date
 * @param owner "" when nobody owns the customer (the pool)
 * @param lifecycleStage the stage code, quoted in explanations ("" when unknown)
 * @param lastPurchase, firstOrder null for prospects; {@code firstOrderAmount} the first day's net spend
 * @param lastComplaint date of the latest complaint, or null
 * @param nps latest NPS answer 0..10 and its date, or null
 * @param birthday, created null when unknown
 * @param noConsent channels the customer has not agreed to be contacted on
 */
public record PlanCustomer(
    String id,
    String tier,
    String previousTier,
    LocalDate previousAsOf,
    String owner,
    String lifecycleStage,
    LocalDate lastPurchase,
    LocalDate firstOrder,
    double firstOrderAmount,
    LocalDate lastComplaint,
    Integer nps,
    LocalDate npsDate,
    LocalDate birthday,
    LocalDate created,
    boolean hasPhone,
    boolean hasEmail,
    boolean doNotContact,
    Set<Channel> noConsent) {

  /** True when the customer may be reached by {@code channel}: details on file and consent given. */
  boolean reachable(Channel channel) {
    return (!channel.needsPhone() || hasPhone) && (channel != Channel.EMAIL || hasEmail) && !noConsent.contains(channel);
  }
}
