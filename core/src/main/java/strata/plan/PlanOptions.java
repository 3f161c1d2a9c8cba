package strata.plan;

import java.time.ZoneId;

/**
 * @param horizonDays the plan covers as-of to as-of + horizonDays - 1 [14]
 * @param zone whose calendar days the plan is in, for the lunar holidays [Asia/Shanghai]
 */
public record PlanOptions(int horizonDays, ZoneId zone) {
  public static final PlanOptions DEFAULT = new PlanOptions(14, ZoneId.of("Asia/Shanghai"));

  public PlanOptions {
    if (horizonDays < 1 || horizonDays > 366) {
      throw new IllegalArgumentException("the horizon is 1 to 366 days, got " + horizonDays);
    }
  }
}
