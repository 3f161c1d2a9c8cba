package strata.server.data;

import java.time.LocalDateTime;

/** A stored interaction (call, visit, complaint, inquiry …); text fields are "" when unknown. */
public record Interaction(String recordId, String customerId, LocalDateTime at, String type, String channel,
    String outcome) {}
