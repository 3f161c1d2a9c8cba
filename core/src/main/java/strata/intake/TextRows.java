package strata.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import strata.i18n.Note;

/**
 * Reads a file row by row as text, for intakes whose rows become objects ({@link RowIntake}). Uses the same record
 * parser and rejection rules as the parallel transactions intake, on one worker thread so handlers need no locking.
 */
final class TextRows {
  private TextRows() {}

  /** Checks one row (fields indexed as {@link ColumnMapping#indexOf}); returns null to accept it. */
  interface RowHandler {
    Rejected handle(String[] fields, long line, BlockOutcome out);
  }

  /** Why a row was refused: the reason and what exactly was wrong. */
  record Rejected(RejectReason reason, String detail) {}

  record Read(FileQuality quality, CsvFormat format, ColumnMapping mapping) {}

  /** @param name the file name used in messages and rejections (the server's uploads are stored under other names) */
  static Read read(Path file, String name, FileKind kind, FormatSniffer.Hints hints, Map<String, String> columnMap,
      java.util.function.BiFunction<ColumnMapping, DateFormat, RowHandler> handlerFor, Consumer<Rejection> rejects,
      Path tempDir, LongConsumer progress) {
    CsvFormat format = FormatSniffer.sniff(file, hints);
    ColumnMapping mapping = ColumnMapping.resolve(name, kind, format.header(), columnMap);
    RowHandler handler = handlerFor.apply(mapping, format.dates());
    int width = format.header().size();
    // Transactions keep their own rule (TransactionRows): extra fields are tolerated only when empty.
    boolean strictWidth = kind == FileKind.TRANSACTIONS;
    TransactionIntake.Totals totals = new TransactionIntake.Totals();
    StrictDecoder decoder = new StrictDecoder(format.charset()); // one worker thread
    int idAt = mapping.indexOf(Column.CUSTOMER_ID);
    try (DuplicateFinder duplicates = new DuplicateFinder(tempDir)) {
      new ParallelCsv(file, format, 1).run(Lines.firstDataLine(file, format), (block, buf, from, to, firstLine, eof) -> {
        BlockOutcome out = new BlockOutcome(block);
        RecordCursor rec = new RecordCursor(buf, from, to, format.delimiter(), format.whitespace());
        TransactionRows.Field id = new TransactionRows.Field();
        while (rec.next(eof)) {
          long line = firstLine + rec.linesBefore;
          out.rowsRead++;
          Rejected r;
          int badField;
          if (rec.unterminatedQuote) {
            r = new Rejected(RejectReason.UNTERMINATED_QUOTE, RejectReason.UNTERMINATED_QUOTE.message());
          } else if (rec.fieldCount < width || (strictWidth && !extraFieldsEmpty(rec, width))) {
            r = new Rejected(RejectReason.WRONG_FIELD_COUNT, "expected " + width + " fields, found " + rec.fieldCount);
          } else if ((badField = invalidField(rec, width, decoder)) >= 0) {
            r = new Rejected(RejectReason.BAD_ENCODING, TransactionRows.encodingDetail(format, rec, badField, decoder));
          } else if (idAt >= 0 && hasControl(id, rec, idAt, decoder)) {
            r = new Rejected(RejectReason.BAD_CUSTOMER_ID, TransactionRows.controlDetail(id.text(format.charset())));
          } else {
            String[] fields = new String[width];
            for (int i = 0; i < width; i++) fields[i] = rec.text(i, format.charset());
            r = handler.handle(fields, line, out);
          }
          if (r == null) {
            out.rowsAccepted++;
            out.fingerprint(DuplicateFinder.fingerprint(buf, rec.recordStart, rec.recordEnd), line);
          } else {
            out.reject(new Rejection(name, line, r.reason(), r.detail(),
                Rejection.raw(buf, rec.recordStart, rec.recordEnd, format.charset())));
          }
        }
        return out;
      }, outcome -> {
        totals.add(outcome);
        outcome.rejections.forEach(rejects);
        duplicates.add(outcome.fingerprints, outcome.fingerprintCount);
      }, progress);
      DuplicateFinder.Duplicates dups = duplicates.finish(100);
      List<Note> warnings = new ArrayList<>(mapping.warnings());
      if (dups.rows() > 0) warnings.add(Note.of("quality_repeated_rows", dups.rows()));
      totals.warnAboutEncoding(warnings, format);
      return new Read(totals.quality(name, kind, format, mapping, dups, warnings, null), format, mapping);
    }
  }

  private static int invalidField(RecordCursor rec, int width, StrictDecoder decoder) {
    if (StrictDecoder.ascii(rec.buffer(), rec.recordStart, rec.recordEnd)) return -1;
    return decoder.firstInvalidField(rec, width);
  }

  /**
   * Checks the id's bytes, trimmed of spaces and tabs as in transactions, before they become text: {@link String#strip}
   * would drop a line break or U+001F at its ends and let such an id pass for another.
   */
  private static boolean hasControl(TransactionRows.Field id, RecordCursor rec, int idAt, StrictDecoder decoder) {
    id.load(rec, idAt);
    return decoder.hasControl(id.buf, id.from, id.to);
  }

  private static boolean extraFieldsEmpty(RecordCursor rec, int width) {
    for (int i = width; i < rec.fieldCount; i++) {
      if (rec.ends[i] > rec.starts[i]) return false;
    }
    return true;
  }

  /** Why a customer id cannot be used (the same rules as in transactions), or null. */
  static Rejected checkId(String id) {
    if (id.isEmpty()) return new Rejected(RejectReason.MISSING_CUSTOMER_ID, RejectReason.MISSING_CUSTOMER_ID.message());
    if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TransactionRows.MAX_ID_BYTES) {
      return new Rejected(RejectReason.CUSTOMER_ID_TOO_LONG, RejectReason.CUSTOMER_ID_TOO_LONG.message());
    }
    if (StrictDecoder.hasControl(id)) {
      return new Rejected(RejectReason.BAD_CUSTOMER_ID, TransactionRows.controlDetail(id));
    }
    return null;
  }

  /** Epoch day of a date field, or {@link FieldParsers#BAD_DATE}/{@link FieldParsers#OUT_OF_RANGE}. */
  static int day(String text, DateFormat dates) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return dates.parse(b, 0, b.length, java.nio.charset.StandardCharsets.UTF_8);
  }
}
