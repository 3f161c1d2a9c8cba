package strata.server.intake;

import java.time.Instant;

/**
 * An import as the API shows it.
 *
 * @param status queued, running, succeeded or failed
 * @param progress 0..1, the share of the file read
 * @param error why it failed, null unless it did
 * @param quality null until the file was read
 * @param runId the tiering run started after it, if any
 */
public record ImportJob(long id, String kind, String fileName, String status, double progress, String createdBy,
    Instant createdAt, Instant finishedAt, ImportFailure error, ImportQuality quality, Long runId) {}
