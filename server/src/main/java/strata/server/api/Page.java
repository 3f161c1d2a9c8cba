package strata.server.api;

import java.util.List;

/**
 * One page of a list endpoint's answer.
 *
 * @param total the number of rows, or a lower bound when {@code totalExact} is false (lists that stop counting at
 *     {@link PagedQuery#COUNT_CAP}: the total is then that cap, "10,000+")
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {
  public static final int MAX_SIZE = 500;

  public Page(List<T> items, int page, int size, long total) {
    this(items, page, size, total, true);
  }

  /** Checks paging parameters, answering 400 for nonsense rather than clamping silently. */
  public static void check(int page, int size) {
    if (page < 0) throw new BadRequest("page", "must be 0 or more");
    if (size < 1 || size > MAX_SIZE) throw new BadRequest("size", "must be between 1 and " + MAX_SIZE);
  }
}
