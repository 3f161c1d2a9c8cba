package strata.playbook;

/**
 * A control group: {@code share} of the customers a playbook (or one of its triggers) would serve get none of its
 * tasks, so the effect of the service can be measured against them ({@code strata.experiment}).
 *
 * @param experiment the experiment's id; with the customer id it decides who is held out, so renaming it re-draws
 *     the groups
 * @param share the held-out share, above 0 and at most 0.5
 * @param days the planned duration from the start, 1 to {@value #MAX_DAYS}; null for the server's default
 *     ({@code strata.experiments.duration-days}). It sets the planned end the peeking warning reads.
 */
public record Holdout(String experiment, double share, Integer days) {
  /** Ten years: longer is not an experiment anyone reads the end of. */
  public static final int MAX_DAYS = 3650;
}
