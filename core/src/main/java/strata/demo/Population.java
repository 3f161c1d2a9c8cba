package strata.demo;

import java.time.LocalDate;
import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Who the simulated customers are and how each one buys, one primitive array per attribute so that
 * 100,000+ customers stay cheap. Index {@code i} is customer {@code C%06d} of {@code i + 1}: ids follow
 * creation order as in a real CRM.
 */
final class Population {
  static final String[] CHANNELS = {"线上商城", "电话订购", "销售拜访", "展会", "经销商"};
  static final int ONLINE = 0;
  static final int PHONE = 1;
  static final int VISIT = 2;
  static final int FAIR = 3;
  static final int DEALER = 4;

  /** Orders per year at a typical small company; larger companies multiply it. */
  private static final double[] RATE_BY_SIZE = {2.2 * 4, 1.5 * 4, 4, 0.7 * 4};
  private static final double INDIVIDUAL_RATE = 0.8 * 4;
  /** Median order value in yuan per size class: the size effect on spend. */
  private static final double[] SPEND_BY_SIZE = {12000, 4500, 1800, 700};
  private static final double INDIVIDUAL_SPEND = 350;
  private static final double[] COMPANY_SIZE_WEIGHTS = {0.06, 0.19, 0.40, 0.35};
  /** Indexes into {@link Names#REPS} per region: two reps for 华东 and 华南, 刘洋 covers 华北 and 东北. */
  private static final int[][] REPS_BY_REGION = {{0, 1}, {2, 3}, {4}, {5}, {6}, {7}, {4}};

  final int size;
  final long asOfDay;
  /** First day covered by the order export: three years before as-of. */
  final long windowStartDay;
  final Cohort[] cohort;
  final int[] createdDay;
  final boolean[] individual;
  /** Index into {@link Names#SIZES}; individuals count as 微型. */
  final byte[] sizeClass;
  /** Index into {@link Names#INDUSTRIES}; -1 for individuals. */
  final byte[] industry;
  final byte[] region;
  final byte[] rep;
  final byte[] preferredChannel;
  /** Purchase rate while alive, orders per year. */
  final float[] rate;
  /** Probability of dropping out after each order. */
  final float[] dropout;
  /** Mean of log order value (log yuan). */
  final float[] spendLog;
  /** Day after which an at-risk customer orders nothing; as-of for the others. */
  final int[] endDay;

  private Population(int size, LocalDate asOf) {
    this.size = size;
    this.asOfDay = asOf.toEpochDay();
    this.windowStartDay = asOf.minusYears(3).toEpochDay();
    cohort = new Cohort[size];
    createdDay = new int[size];
    individual = new boolean[size];
    sizeClass = new byte[size];
    industry = new byte[size];
    region = new byte[size];
    rep = new byte[size];
    preferredChannel = new byte[size];
    rate = new float[size];
    dropout = new float[size];
    spendLog = new float[size];
    endDay = new int[size];
  }

  static Population simulate(DemoOptions options, RandomDataGenerator rng) {
    Population p = new Population(options.customers(), options.asOf());
    p.assignCohortsInCreationOrder(rng);
    for (int i = 0; i < p.size; i++) {
      p.describe(i, rng);
      p.giveBehaviour(i, rng);
    }
    return p;
  }

  /** Cohort shares: 5 % prospects, 8 % new, 4 % at-risk, the rest regular. */
  private void assignCohortsInCreationOrder(RandomDataGenerator rng) {
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      double u = rng.nextDouble();
      Cohort c = u < 0.05 ? Cohort.PROSPECT : u < 0.13 ? Cohort.NEW : u < 0.17 ? Cohort.AT_RISK : Cohort.REGULAR;
      keys[i] = (creationDay(c, rng) << 2) | c.ordinal();
    }
    Arrays.sort(keys);
    for (int i = 0; i < size; i++) {
      cohort[i] = Cohort.values()[(int) (keys[i] & 3)];
      createdDay[i] = (int) (keys[i] >> 2);
    }
  }

  private long creationDay(Cohort c, RandomDataGenerator rng) {
    long sixYearsAgo = asOfDay - 6 * 365;
    return switch (c) {
      case PROSPECT -> rng.nextLong(asOfDay - 730, asOfDay - 1);
      case NEW -> rng.nextLong(asOfDay - 180, asOfDay - 15);
      case AT_RISK -> rng.nextLong(sixYearsAgo, windowStartDay - 30);
      case REGULAR -> rng.nextDouble() < 0.2
          ? rng.nextLong(sixYearsAgo, windowStartDay - 1)
          : rng.nextLong(windowStartDay, asOfDay - 181);
    };
  }

  private void describe(int i, RandomDataGenerator rng) {
    boolean atRisk = cohort[i] == Cohort.AT_RISK;
    individual[i] = !atRisk && rng.nextDouble() < 0.15;
    if (individual[i]) {
      sizeClass[i] = Names.MICRO;
      industry[i] = -1;
    } else {
      sizeClass[i] = (byte) (atRisk
          ? (rng.nextDouble() < 0.4 ? Names.LARGE : Names.MEDIUM)
          : Names.pickWeighted(rng, COMPANY_SIZE_WEIGHTS));
      industry[i] = (byte) Names.pickWeighted(rng, Names.INDUSTRY_WEIGHTS);
    }
    region[i] = (byte) Names.pickWeighted(rng, Names.REGION_WEIGHTS);
    int[] reps = REPS_BY_REGION[region[i]];
    rep[i] = (byte) reps[rng.nextInt(reps.length)];
    preferredChannel[i] = (byte) channelFor(i, rng);
  }

  private int channelFor(int i, RandomDataGenerator rng) {
    if (individual[i]) {
      return rng.nextDouble() < 0.8 ? ONLINE : PHONE;
    }
    double u = rng.nextDouble();
    return switch (sizeClass[i]) {
      case Names.LARGE, Names.MEDIUM -> u < 0.5 ? VISIT : u < 0.75 ? DEALER : u < 0.9 ? FAIR : PHONE;
      default -> u < 0.4 ? PHONE : u < 0.75 ? ONLINE : u < 0.9 ? DEALER : VISIT;
    };
  }

  /** BG/NBD-style heterogeneity: gamma-distributed rates, beta-distributed dropout, lognormal spend. */
  private void giveBehaviour(int i, RandomDataGenerator rng) {
    double baseRate = individual[i] ? INDIVIDUAL_RATE : RATE_BY_SIZE[sizeClass[i]];
    double baseSpend = individual[i] ? INDIVIDUAL_SPEND : SPEND_BY_SIZE[sizeClass[i]];
    endDay[i] = (int) asOfDay;
    switch (cohort[i]) {
      case AT_RISK -> {
        rate[i] = (float) rng.nextUniform(10, 20);
        dropout[i] = 0;
        baseSpend *= 1.5;
        endDay[i] = (int) rng.nextLong(asOfDay - 540, asOfDay - 300);
      }
      case NEW -> {
        rate[i] = (float) Math.min(60, rng.nextGamma(1.1, baseRate / 1.1));
        dropout[i] = (float) rng.nextBeta(0.5, 6);
      }
      default -> {
        rate[i] = (float) Math.min(60, rng.nextGamma(1.1, baseRate / 1.1));
        dropout[i] = (float) rng.nextBeta(0.7, 5);
      }
    }
    spendLog[i] = (float) (Math.log(baseSpend) + 0.45 * rng.nextGaussian());
  }

  static String customerId(int i) {
    return CsvFile.padded("C", i + 1, 6);
  }
}
