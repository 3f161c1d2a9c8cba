package strata.demo;

/** The behaviour a simulated customer was given; never written to the files, only used to test them. */
enum Cohort {
  /** Registered, contacted, never ordered. */
  PROSPECT,
  /** Created within the last 180 days before as-of, first order within two weeks of creation. */
  NEW,
  /** Large or medium company that ordered often and big, then stopped 300-540 days before as-of. */
  AT_RISK,
  /** Everyone else: gamma purchase rate, geometric dropout after each order (BG/NBD). */
  REGULAR
}
