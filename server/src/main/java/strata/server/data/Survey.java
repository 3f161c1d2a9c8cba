package strata.server.data;

import java.time.LocalDateTime;

/** A stored survey answer: NPS 0..10 and CSAT 1..5, either may be null (not both). */
public record Survey(String recordId, String customerId, LocalDateTime at, Integer nps, Integer csat,
    String comment) {}
