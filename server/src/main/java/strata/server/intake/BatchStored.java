package strata.server.intake;

/** Published after a batch API call stored records; the run module may start a tiering run once calls pause. */
public record BatchStored(String kind, String username) {}
