package strata.server.data;

import java.time.LocalDate;

/** A stored purchase (order line); text fields are "" when unknown. Amounts in cents. */
public record Purchase(String recordId, String customerId, LocalDate day, long amountCents, String orderId,
    String product, String category, String quantity, String channel) {}
