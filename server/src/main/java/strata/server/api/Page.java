package strata.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list endpoint's answer.
 *
 * @param total the number of rows, or a lower bound when {@code totalExact} is false (lists that stop counting at
 *     {@link PagedQuery#COUNT_CAP}: the total is then that cap, "10,000+")
 * @param next the cursor of the next page ({@code after=}) in lists that take one; null, and left out of the JSON,
 *     on the last page and in the other lists
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact,
    @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
  public static final int MAX_SIZE = 500;

  public Page(List<T> items, int page, int size, long total, boolean totalExact) {
    this(items, page, size, total, totalExact, null);
  }

  public Page(List<T> items, int page, int size, long total) {
    this(items, page, size, total, true);
  }

  public Page<T> withNext(String next) {
    return new Page<>(items, page, size, total, totalExact, next);
  }

  /** Checks paging parameters, answering 400 for nonsense rather than clamping silently. */
  public static void check(int page, int size) {
    if (page < 0) throw new BadRequest("page", "must be 0 or more");
    if (size < 1 || size > MAX_SIZE) throw new BadRequest("size", "must be between 1 and " + MAX_SIZE);
  }
}
