package strata.intake;

import java.nio.charset.Charset;
import strata.summary.RowSpill;
import strata.summary.SpillWriter;
import strata.summary.SummaryTable;

/**
 * Parses the records of one block of a transactions file and hands the valid ones to their customers' partitions
 * ({@link RowSpill}), from which the summary table is built.
 */
final class TransactionRows {
  static final int MAX_ID_BYTES = 256;
  private final String file;
  private final CsvFormat format;
  private final SummaryTable table;
  /** Each intake thread writes to its own buffers. */
  private final ThreadLocal<SpillWriter> writers;
  private final int asOfDay;
  /** Rows dated later are refused as future_date (see AsOfPolicy). */
  private final int latestDay;
  private final int fields;
  private final int idAt;
  private final int dateAt;
  private final int amountAt;
  private final int orderAt;
  private final int categoryAt;
  private final ThreadLocal<StrictDecoder> decoders;
  /** Merged id to surviving id, as encoded bytes; empty (the usual case) costs nothing per row. */
  private final java.util.Map<java.nio.ByteBuffer, byte[]> survivors = new java.util.HashMap<>();
  /** Rows of at least this absolute amount are refused as amount outliers; Long.MAX_VALUE keeps them all. */
  private final long outlierCents;

  /** @param spill receives the accepted rows; {@code table} only names categories */
  TransactionRows(String file, CsvFormat format, ColumnMapping mapping, SummaryTable table,
      RowSpill spill, int asOfDay, int latestDay, java.util.Map<String, String> mergedIds, long outlierCents) {
    this.outlierCents = outlierCents;
    this.file = file;
    this.format = format;
    this.table = table;
    this.writers = ThreadLocal.withInitial(spill::writer);
    this.asOfDay = asOfDay;
    this.latestDay = latestDay;
    this.fields = format.header().size();
    this.idAt = mapping.indexOf(Column.CUSTOMER_ID);
    this.dateAt = mapping.indexOf(Column.ORDER_DATE);
    this.amountAt = mapping.indexOf(Column.AMOUNT);
    this.orderAt = mapping.indexOf(Column.ORDER_ID);
    this.categoryAt = mapping.indexOf(Column.CATEGORY);
    this.decoders = ThreadLocal.withInitial(() -> new StrictDecoder(format.charset()));
    mergedIds.forEach((id, survivor) -> survivors.put(java.nio.ByteBuffer.wrap(id.getBytes(format.charset())),
        survivor.getBytes(format.charset())));
  }

  BlockOutcome parse(int block, byte[] buf, int from, int to, long firstLine, boolean atEof) {
    BlockOutcome out = new BlockOutcome(block);
    RecordCursor rec = new RecordCursor(buf, from, to, format.delimiter(), format.whitespace());
    FieldParsers.Money money = new FieldParsers.Money();
    Field field = new Field();
    SpillWriter writer = writers.get();
    StrictDecoder decoder = decoders.get();
    while (rec.next(atEof)) {
      long line = firstLine + rec.linesBefore;
      out.rowsRead++;
      RejectReason reason = null;
      String detail = null;
      int badField;
      if (rec.unterminatedQuote) {
        reason = RejectReason.UNTERMINATED_QUOTE;
      } else if (!fieldCountOk(rec)) {
        reason = RejectReason.WRONG_FIELD_COUNT;
        detail = "expected " + fields + " fields, found " + rec.fieldCount;
      } else if ((badField = invalidField(rec, decoder)) >= 0) {
        reason = RejectReason.BAD_ENCODING;
        detail = encodingDetail(format, rec, badField, decoder);
      } else {
        field.load(rec, idAt);
        if (field.isEmpty()) {
          reason = RejectReason.MISSING_CUSTOMER_ID;
        } else if (field.to - field.from > MAX_ID_BYTES) {
          reason = RejectReason.CUSTOMER_ID_TOO_LONG;
        } else if (decoder.hasControl(field.buf, field.from, field.to)) {
          reason = RejectReason.BAD_CUSTOMER_ID;
          detail = controlDetail(field.text(format.charset()));
        }
      }
      int day = 0;
      if (reason == null) {
        byte[] idBuf = field.buf;
        int idFrom = field.from;
        int idLen = field.to - field.from;
        field.load(rec, dateAt);
        if (field.isEmpty()) {
          reason = RejectReason.MISSING_DATE;
        } else {
          day = format.dates().parse(field.buf, field.from, field.to, format.charset());
          if (day == FieldParsers.BAD_DATE) reason = RejectReason.BAD_DATE;
          else if (day == FieldParsers.OUT_OF_RANGE) reason = RejectReason.DATE_OUT_OF_RANGE;
          else if (day > latestDay) reason = RejectReason.FUTURE_DATE;
          if (reason != null) detail = "date '" + field.text(format.charset()) + "'";
        }
        if (reason == null) {
          field.load(rec, amountAt);
          reason = FieldParsers.parseCents(field.buf, field.from, field.to, money);
          if (reason != null && reason != RejectReason.MISSING_AMOUNT) {
            detail = "amount '" + field.text(format.charset()) + "'";
          } else if (reason == null && Math.abs(money.cents) >= outlierCents) {
            reason = RejectReason.AMOUNT_OUTLIER;
            detail = "amount '" + field.text(format.charset()) + "' is at least the file's outlier threshold "
                + java.math.BigDecimal.valueOf(outlierCents, 2).toPlainString();
          }
        }
        if (reason == null) {
          accept(out, rec, buf, line, idBuf, idFrom, idLen, day, money, field, writer);
        }
      }
      if (reason != null) {
        out.reject(new Rejection(file, line, reason, detail == null ? reason.message() : detail,
            Rejection.raw(buf, rec.recordStart, rec.recordEnd, format.charset())));
      }
    }
    return out;
  }

  private void accept(BlockOutcome out, RecordCursor rec, byte[] buf, long line, byte[] idBuf, int idFrom, int idLen,
      int day, FieldParsers.Money money, Field field, SpillWriter writer) {
    out.rowsAccepted++;
    if (money.rounded) out.amountsRounded++;
    if (!survivors.isEmpty()) {
      // The one place a transaction's customer id is resolved: a merged id's rows go to the surviving id.
      byte[] survivor = survivors.get(java.nio.ByteBuffer.wrap(idBuf, idFrom, idLen));
      if (survivor != null) {
        idBuf = survivor;
        idFrom = 0;
        idLen = survivor.length;
      }
    }
    long fingerprint = DuplicateFinder.fingerprint(buf, rec.recordStart, rec.recordEnd);
    int lineNumber = (int) Math.min(line, Integer.MAX_VALUE);
    if (day > asOfDay) {
      out.rowsAfterAsOf++;
      // Still checked for duplicates (which happens per partition of customers), not summarised.
      writer.add(idBuf, idFrom, idLen, lineNumber, day, 0, 0, false, -1, fingerprint, true);
      return;
    }
    out.amount(money.cents, day, idBuf, idFrom, idLen, format.charset());
    out.maxDay = Math.max(out.maxDay, day);
    out.minDay = Math.min(out.minDay, day);
    long orderKey = 0;
    boolean hasOrder = false;
    if (orderAt >= 0) {
      field.load(rec, orderAt);
      if (!field.isEmpty()) {
        orderKey = DuplicateFinder.fingerprint(field.buf, field.from, field.to);
        hasOrder = true;
      }
    }
    int category = -1;
    if (categoryAt >= 0) {
      field.load(rec, categoryAt);
      if (!field.isEmpty()) category = table.category(field.text(format.charset()));
    }
    writer.add(idBuf, idFrom, idLen, lineNumber, day, money.cents, orderKey, hasOrder, category, fingerprint, false);
  }

  /**
   * The first field not valid in the file's encoding, or -1. A row of ASCII bytes alone is valid as it is: one
   * word-at-a-time scan over bytes already in cache, the only cost for such rows (see {@link StrictDecoder}).
   */
  private int invalidField(RecordCursor rec, StrictDecoder decoder) {
    if (StrictDecoder.ascii(rec.buffer(), rec.recordStart, rec.recordEnd)) return -1;
    return decoder.firstInvalidField(rec, fields);
  }

  /** E.g. {@code column '客户编号' is not valid GB18030: 'ZZQ\xFF\xFE01'}. */
  static String encodingDetail(CsvFormat format, RecordCursor rec, int field, StrictDecoder decoder) {
    return "column '" + format.header().get(field) + "' is not valid " + format.charset().name() + ": '" + decoder.escaped(rec, field)
        + "'";
  }

  /** The id with each control character written as a Java escape (backslash, u, four hex digits), and the fault. */
  static String controlDetail(String id) {
    StringBuilder sb = new StringBuilder("customer id '");
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) sb.append(String.format("\\u%04X", (int) c));
      else sb.append(c);
    }
    return sb.append("' holds a control character").toString();
  }

  /** Extra trailing fields are tolerated when empty (spreadsheets often add them); missing fields are not. */
  private boolean fieldCountOk(RecordCursor rec) {
    if (rec.fieldCount == fields) return true;
    if (rec.fieldCount < fields) return false;
    for (int i = fields; i < rec.fieldCount; i++) {
      if (rec.ends[i] > rec.starts[i]) return false;
    }
    return true;
  }

  /** A field's content bytes, trimmed of spaces; quoted fields needing unescaping are copied once. */
  static final class Field {
    byte[] buf;
    int from;
    int to;

    void load(RecordCursor rec, int index) {
      if (rec.complex[index]) {
        buf = rec.unquoted(index);
        from = 0;
        to = buf.length;
      } else {
        buf = rec.buffer();
        from = rec.starts[index];
        to = rec.ends[index];
      }
      while (from < to && (buf[from] == ' ' || buf[from] == '\t')) from++;
      while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) to--;
    }

    boolean isEmpty() {
      return from == to;
    }

    String text(Charset charset) {
      String s = new String(buf, from, to - from, charset);
      return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
  }
}
