package strata.playbook;

/**
 * A control group: {@code share} of the customers a playbook (or one of its triggers) would serve get none of its
 * tasks, so the effect of the service can be measured against them ({@code strata.experiment}).
 *
 * @param experiment the experiment's id; with the customer id it decides who is held out, so renaming it re-draws
 *     the groups
 * @param share the held-out share, above 0 and at most 0.5
 */
public record Holdout(String experiment, double share) {}
