package strata.intake;

/** Why an input row was not used. The code is stable (it appears in rejected.csv and quality.json). */
public enum RejectReason {
  WRONG_FIELD_COUNT("wrong_field_count", "row has a different number of fields than the header"),
  UNTERMINATED_QUOTE("unterminated_quote", "quoted field is not closed before the end of the file"),
  BAD_ENCODING("bad_encoding", "a field has bytes that are not valid in the file's encoding"),
  MISSING_CUSTOMER_ID("missing_customer_id", "customer id is empty"),
  CUSTOMER_ID_TOO_LONG("customer_id_too_long", "customer id is longer than 256 bytes"),
  BAD_CUSTOMER_ID("bad_customer_id", "customer id holds a control character (NUL, line break, tab …)"),
  MISSING_DATE("missing_date", "date is empty"),
  BAD_DATE("bad_date", "date is not a valid date"),
  DATE_OUT_OF_RANGE("date_out_of_range", "date is outside 1970-01-01..2149-06-06"),
  FUTURE_DATE("future_date", "date is more than a day after today"),
  MISSING_AMOUNT("missing_amount", "amount is empty"),
  BAD_AMOUNT("bad_amount", "amount is not a number"),
  AMOUNT_OUT_OF_RANGE("amount_out_of_range", "amount is larger than 1e12 in absolute value"),
  AMOUNT_OUTLIER("amount_outlier", "amount is far beyond the file's usual amounts and the run leaves outliers out"),
  BAD_SCORE("bad_score", "survey score is not a number in its range (NPS 0-10, CSAT 1-5)"),
  EMPTY_SURVEY("empty_survey", "survey row has neither NPS nor CSAT"),
  DUPLICATE_CUSTOMER("duplicate_customer", "customer id appears more than once in the customers file");

  private final String code;
  private final String message;

  RejectReason(String code, String message) {
    this.code = code;
    this.message = message;
  }

  public String code() {
    return code;
  }

  public String message() {
    return message;
  }
}
