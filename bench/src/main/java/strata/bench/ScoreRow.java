package strata.bench;

import java.math.BigDecimal;

/**
 * One customer's line of a score file, as far as the benchmark compares it.
 *
 * @param recencyDays days between the last order and the as-of date
 * @param frequency number of orders
 * @param monetary exact net spend (refunds subtracted)
 */
record ScoreRow(String customerId, long recencyDays, long frequency, BigDecimal monetary,
                int rScore, int fScore, int mScore) {
}
