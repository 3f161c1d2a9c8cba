package strata.intake;

import java.time.LocalDate;

/** A customer as described by the customers file; text fields are "" when absent. */
public record CustomerProfile(
    String customerId,
    String name,
    String industry,
    String size,
    String region,
    String owner,
    String phone,
    String email,
    LocalDate birthday,
    LocalDate created) implements java.io.Serializable {}
