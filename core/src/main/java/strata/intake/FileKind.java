package strata.intake;

import java.util.List;

/** The kinds of input file and the columns each requires and may have. */
public enum FileKind {
  TRANSACTIONS("transactions", List.of(Column.CUSTOMER_ID, Column.ORDER_DATE, Column.AMOUNT),
      List.of(Column.ORDER_ID, Column.PRODUCT, Column.CATEGORY, Column.QUANTITY, Column.CHANNEL)),
  CUSTOMERS("customers", List.of(Column.CUSTOMER_ID),
      List.of(Column.NAME, Column.INDUSTRY, Column.SIZE, Column.REGION, Column.OWNER, Column.PHONE, Column.EMAIL,
          Column.BIRTHDAY, Column.CREATED)),
  INTERACTIONS("interactions", List.of(Column.CUSTOMER_ID, Column.TIME),
      List.of(Column.TYPE, Column.CHANNEL, Column.OUTCOME)),
  SURVEYS("surveys", List.of(Column.CUSTOMER_ID, Column.TIME), List.of(Column.NPS, Column.CSAT, Column.COMMENT));

  private final String label;
  private final List<Column> required;
  private final List<Column> optional;

  FileKind(String label, List<Column> required, List<Column> optional) {
    this.label = label;
    this.required = required;
    this.optional = optional;
  }

  public String label() {
    return label;
  }

  public List<Column> required() {
    return required;
  }

  public List<Column> optional() {
    return optional;
  }
}
