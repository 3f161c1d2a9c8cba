package strata.server.api;

import java.time.Duration;

/** A request refused until {@link #retryAfter} has passed: 429 with {@code Retry-After} in whole seconds. */
public class TooManyRequests extends RuntimeException {
  private final String code;
  private final Duration retryAfter;

  public TooManyRequests(String code, String detail, Duration retryAfter) {
    super(detail);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public String code() {
    return code;
  }

  /** The wait, rounded up to whole seconds and at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
