package strata.cli;

import java.util.concurrent.CompletableFuture;
import strata.tier.TierModel;

/**
 * The built-in tier model, loaded from the first moment of a {@code score} that will use it. On a small file the run
 * waits for the model (YAML, CEL's start and compile, ~0.3 s of CPU) more than for its intake; starting it before
 * picocli builds the command line (~0.17 s on the main thread) takes that setup off the critical path. Measured in
 * bench/README, "Small files: start-up".
 */
final class EarlyModel {
  private static volatile CompletableFuture<TierModel> early;

  private EarlyModel() {}

  /** Starts loading when the arguments are a score that will use the built-in model. */
  static void startFor(String[] args) {
    if (usesDefaultModel(args)) early = CompletableFuture.supplyAsync(TierModel::defaultModel);
  }

  /** A score with neither {@code --model} nor {@code --only} (RFM alone needs no model), and not asking for help. */
  static boolean usesDefaultModel(String... args) {
    if (args.length == 0 || !args[0].equals("score")) return false;
    for (String a : args) {
      if (a.startsWith("--model") || a.startsWith("--only") || a.equals("--help") || a.equals("-h")) return false;
    }
    return true;
  }

  /** The built-in model: the one started early, or a load started now. */
  static CompletableFuture<TierModel> defaultModel() {
    CompletableFuture<TierModel> started = early;
    return started != null ? started : CompletableFuture.supplyAsync(TierModel::defaultModel);
  }
}
