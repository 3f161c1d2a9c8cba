package strata.playbook;

import java.util.List;

/**
 * A contact every {@code everyDays} days (counted from the last contact by any channel), by the first of
 * {@code channels} the customer can be reached on within the caps.
 */
public record Cadence(int everyDays, List<Channel> channels, Purpose purpose) {}
