package strata.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What demo data to generate.
 *
 * @param seed any value; the same seed, customer count and as-of date give byte-identical files
 * @param customers number of customers, {@value #MIN_CUSTOMERS} to {@value #MAX_CUSTOMERS}
 * @param asOf the export date: every order, contact and survey lies before this day, orders within
 *     the three years before it
 */
public record DemoOptions(long seed, int customers, LocalDate asOf) {
  /** Seed of the demo shipped with Strata. */
  public static final long DEFAULT_SEED = 20261123L;
  /** Enough customers for every cohort and tier to show, small enough to open in Excel. */
  public static final int DEFAULT_CUSTOMERS = 2_000;
  /** A fixed date, so the demo does not change with the day it is generated. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 1);
  /** Below this the cohorts (5 % prospects, 4 % at-risk ...) would be empty or a single customer. */
  public static final int MIN_CUSTOMERS = 50;
  /** Customer ids have six digits (C000001 to C999999), as in the exports this data imitates. */
  public static final int MAX_CUSTOMERS = 999_999;
  /** Customers are created up to six years before as-of; earlier dates make little sense for a demo. */
  public static final LocalDate EARLIEST_AS_OF = LocalDate.of(1980, 1, 1);
  /** The last year the intake accepts dates for. */
  public static final LocalDate LATEST_AS_OF = LocalDate.of(2149, 12, 31);

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException if customers or asOf is out of range
   * @throws NullPointerException if asOf is null
   */
  public DemoOptions {
    Objects.requireNonNull(asOf, "asOf date is required (for example 2026-11-01)");
    if (customers < MIN_CUSTOMERS || customers > MAX_CUSTOMERS) {
      throw new IllegalArgumentException("customers must be between " + MIN_CUSTOMERS + " and "
          + MAX_CUSTOMERS + ", got " + customers);
    }
    if (asOf.isBefore(EARLIEST_AS_OF) || asOf.isAfter(LATEST_AS_OF)) {
      throw new IllegalArgumentException("asOf must be between " + EARLIEST_AS_OF + " and "
          + LATEST_AS_OF + ", got " + asOf);
    }
  }

  /**
   * The standard demo.
   *
   * @return seed {@value #DEFAULT_SEED}, {@value #DEFAULT_CUSTOMERS} customers, as of 2026-11-01
   */
  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_SEED, DEFAULT_CUSTOMERS, DEFAULT_AS_OF);
  }
}
