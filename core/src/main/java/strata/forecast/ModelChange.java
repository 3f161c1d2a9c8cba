package strata.forecast;

import java.time.LocalDate;

/** Two consecutive snapshots tiered by different model versions: their tiers are not compared. */
public record ModelChange(LocalDate before, String versionBefore, LocalDate after, String versionAfter) {}
