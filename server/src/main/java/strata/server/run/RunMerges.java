package strata.server.run;

import strata.identity.IdMerges;

/**
 * Customer ids a run treats as one customer, read as the run starts (the accepted duplicate pairs of the review queue,
 * strata.server.duplicate). An interface here, so the run package knows no feature that follows it.
 */
public interface RunMerges {
  IdMerges current();
}
