package strata.tier;

import dev.cel.runtime.CelRuntime;
import java.util.List;
import strata.playbook.ServicePlan;

/**
 * One tier of a model: its names, description, the compiled condition with the metrics it reads, and how its
 * customers are served.
 *
 * @param condition the CEL text as written in the model file
 * @param reads metrics the condition refers to, in order of first mention
 * @param service the tier's {@code service:} playbook, {@link ServicePlan#NONE} when it has none
 */
public record TierRule(
    String id,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    String condition,
    List<Metric> reads,
    CelRuntime.Program program,
    ServicePlan service) {

  public String name(boolean chinese) {
    return chinese ? nameZh : nameEn;
  }

  public String description(boolean chinese) {
    return chinese ? descriptionZh : descriptionEn;
  }

  /** True for the catch-all tier, whose condition is the literal {@code true}. */
  public boolean catchAll() {
    return condition.strip().equals("true");
  }
}
