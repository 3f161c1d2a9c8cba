package strata.server.run;

/**
 * Told as a run writes its snapshot. The service itself has none; tests use it to fail or stall a run midway and
 * check that the previous snapshot stays current.
 */
public interface RunListener {
  void rowsWritten(long runId, int rows);
}
