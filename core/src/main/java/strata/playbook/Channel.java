package strata.playbook;

import java.util.Locale;

/** A way to reach a customer. Phone, SMS and WeChat need the customer's phone number; email needs an address. */
public enum Channel {
  VISIT, PHONE, WECHAT, SMS, EMAIL;

  // Kept, not lower-cased on each call: task keys and reasons ask for it per task (JFR, 1M-customer plan).
  private final String code = name().toLowerCase(Locale.ROOT);

  /** The name used in tier models and output files, e.g. {@code wechat}. */
  public String code() {
    return code;
  }

  /** @return the channel with this code, or null */
  public static Channel of(String code) {
    for (Channel c : values()) {
      if (c.code().equals(code)) return c;
    }
    return null;
  }

  /** True when reaching the customer this way needs their phone number. */
  public boolean needsPhone() {
    return this == PHONE || this == SMS || this == WECHAT;
  }
}
