package strata.server.api;

/** A request that clashes with the current state (a run already going, a user that exists): 409. */
public class Conflict extends RuntimeException {
  private final String code;

  public Conflict(String detail) {
    this("conflict", detail);
  }

  /** @param code the stable machine code clients branch on, e.g. {@code last_admin} */
  public Conflict(String code, String detail) {
    super(detail);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
