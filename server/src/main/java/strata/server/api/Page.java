package strata.server.api;

import java.util.List;

/** One page of a list endpoint's answer. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public static final int MAX_SIZE = 500;

  /** Checks paging parameters, answering 400 for nonsense rather than clamping silently. */
  public static void check(int page, int size) {
    if (page < 0) throw new BadRequest("page", "must be 0 or more");
    if (size < 1 || size > MAX_SIZE) throw new BadRequest("size", "must be between 1 and " + MAX_SIZE);
  }
}
