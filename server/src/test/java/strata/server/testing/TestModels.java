package strata.server.testing;

/** Tier models the API tests share. */
public final class TestModels {
  private TestModels() {}

  /** By spend alone: big from 1,000, mid from 100, the rest small. */
  public static final String SPEND = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
        - id: mid
          name: {zh: 中客户, en: Mid}
          when: monetary >= 100.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
}
