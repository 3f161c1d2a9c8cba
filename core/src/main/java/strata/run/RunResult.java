package strata.run;

import java.time.LocalDate;
import java.util.List;
import strata.i18n.Note;
import strata.identity.IdentityReport;
import strata.intake.FileQuality;
import strata.tier.TierEngine;
import strata.tier.TierModel;

/**
 * What a scoring run produced: scored customers with their tiers, the as-of date, the quality of each file and what
 * was found about customer identity ({@link IdentityReport#EMPTY} when scoring summaries without files).
 */
public record RunResult(
    ScoredCustomers customers,
    LocalDate asOf,
    TierModel model,
    TierEngine engine,
    List<FileQuality> quality,
    List<Note> notes,
    IdentityReport identity) {}
