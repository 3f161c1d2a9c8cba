package strata.server.run;

import java.util.List;
import strata.identity.IdMerges;
import strata.run.StoredMerges;

/**
 * The run's inputs with accepted merges applied (issue 18 §4), kept apart from how they are read: each merged id's
 * purchases, profile and engagement count once, under its surviving id, with core's {@link StoredMerges}.
 */
final class MergedInputs {
  private MergedInputs() {}

  static RunData.Inputs apply(RunData.Inputs in, List<RunMerges> sources) {
    for (RunMerges source : sources) {
      IdMerges m = source.current();
      if (m.isEmpty()) continue;
      List<IdMerges> applied = new java.util.ArrayList<>(in.merges());
      applied.add(m);
      in = new RunData.Inputs(StoredMerges.summaries(in.summaries(), m), StoredMerges.profiles(in.profiles(), m),
          StoredMerges.engagement(in.engagement(), m), in.firstDay(), in.lastDay(), in.asOf(), in.purchasesAfter(),
          List.copyOf(applied), in.outliers());
    }
    return in;
  }
}
