package strata.run;

import java.time.LocalDate;
import java.util.List;
import strata.intake.FileQuality;
import strata.tier.TierEngine;
import strata.tier.TierModel;

/** What a scoring run produced: scored customers with their tiers, the as-of date, and the quality of each file. */
public record RunResult(
    ScoredCustomers customers,
    LocalDate asOf,
    TierModel model,
    TierEngine engine,
    List<FileQuality> quality,
    List<String> notes) {}
