package strata.server.api;

/** A resource that does not exist, or that the viewer may not see (both answer 404, so ids cannot be probed). */
public class NotFound extends RuntimeException {
  public NotFound(String detail) {
    super(detail);
  }
}
