package strata.plan;

/**
 * Why a task is suppressed or cancelled, as a code and a detail: {@code cap} (detail e.g. {@code phone/week<=1}),
 * {@code no_phone}, {@code no_email}, {@code no_consent} (the channel), {@code do_not_contact}, {@code holdout} (the
 * experiment whose control group the customer is in); cancellations:
 * {@code tier_changed} (the new tier), {@code contacted} (the contact's date), {@code customer_removed}.
 */
public record StopReason(String code, String detail) {
  /** As written in output files: {@code code} or {@code code:detail}. */
  public String text() {
    return detail.isEmpty() ? code : code + ":" + detail;
  }
}
