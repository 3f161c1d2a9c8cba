package strata.server.api;

/** A request that clashes with the current state (a run already going, a user that exists): 409. */
public class Conflict extends RuntimeException {
  public Conflict(String detail) {
    super(detail);
  }
}
