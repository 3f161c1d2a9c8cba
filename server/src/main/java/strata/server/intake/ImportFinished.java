package strata.server.intake;

/** Published after a file import succeeded; the run module may start a tiering run on it. */
public record ImportFinished(long importId, String username) {}
