package strata.server.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.i18n.Note;
import strata.intake.AmountOutliers;
import strata.intake.AmountWatch;
import strata.intake.Column;
import strata.intake.ColumnMapping;
import strata.intake.CustomerProfile;
import strata.intake.FileKind;
import strata.intake.FileQuality;
import strata.intake.FormatSniffer;
import strata.intake.RejectedRowsWriter;
import strata.intake.RowIntake;
import strata.server.data.CustomerPatch;
import strata.server.data.CustomerStore;
import strata.server.data.ImportWrite;
import strata.server.data.InteractionStore;
import strata.server.data.PurchaseStore;
import strata.server.data.SummaryStore;
import strata.server.data.SurveyStore;
import strata.server.data.Written;

/**
 * Reads one CSV file with core's row intake and stores its accepted rows in chunks, a transaction each, hidden until
 * the import's switch ({@link ImportWrite}); rejected rows go to rejected.csv with the CLI's columns and reasons.
 */
@Component
class FileImport {
  /** Rows stored per transaction: one id lookup and one COPY (or batch) each. */
  static final int CHUNK = 10_000;
  private final PurchaseStore purchases;
  private final CustomerStore customers;
  private final InteractionStore interactions;
  private final SurveyStore surveys;
  private final SummaryStore summaries;
  private final TransactionTemplate eachChunk;
  private final List<ImportListener> listeners;

  FileImport(PurchaseStore purchases, CustomerStore customers, InteractionStore interactions, SurveyStore surveys,
      SummaryStore summaries, PlatformTransactionManager transactions, List<ImportListener> listeners) {
    this.summaries = summaries;
    this.eachChunk = new TransactionTemplate(transactions);
    this.listeners = listeners;
    this.purchases = purchases;
    this.customers = customers;
    this.interactions = interactions;
    this.surveys = surveys;
  }

  /**
   * What an import stored, hidden, and what its switch applies.
   *
   * @param warnings the quality's warnings as codes and values, as they are stored
   */
  record Staged(ImportQuality quality, List<Note> warnings, ImportWrite<?> write) {
    /** With one more warning, found after the rows were read. */
    Staged with(Note warning) {
      List<Note> all = new ArrayList<>(warnings);
      all.add(warning);
      return new Staged(quality.withWarnings(all.stream().map(ImportWarning::of).toList()), List.copyOf(all), write);
    }
  }

  /**
   * Reads the file and stores its accepted rows hidden under {@code importId}, a chunk per transaction; the caller
   * holds the write lock outside any transaction ({@link strata.server.data.WriteLock#lockedStepwise}) and switches
   * the import on, or discards it.
   *
   * @param name the client's file name, for messages and rejected.csv
   * @throws strata.intake.IntakeException when the file cannot be read or lacks a required column
   */
  Staged read(long importId, Path csv, String name, FileKind kind, FormatSniffer.Hints hints,
      Map<String, String> mapping, Path rejectedCsv, Path tempDir, LongConsumer progress) {
    RecordIds ids = new RecordIds();
    Reading reading = new Reading(importId, csv, name, kind, hints, mapping, rejectedCsv, tempDir, progress);
    return switch (kind) {
      case TRANSACTIONS -> {
        // The file's outlier amounts, judged as a file run judges its file: kept, and named in a warning.
        AmountWatch amounts = new AmountWatch();
        Staged staged = into(reading, r -> {
          amounts.add(r.cents(), r.day(), () -> r.get(Column.CUSTOMER_ID));
          var p = Records.purchase("", r);
          return Records.purchase(ids.next(Records.content(p)), r);
        }, purchases.fileWrite(importId));
        AmountOutliers outliers = amounts.judge();
        yield outliers == null || outliers.rows() == 0 ? staged
            : staged.with(outliers.note(ImportWarning.AMOUNT_OUTLIERS));
      }
      case CUSTOMERS -> {
        // A column the file lacks keeps the stored values: a file of ids and owners must not blank phone numbers.
        Set<Column> columns = EnumSet.noneOf(Column.class);
        ColumnMapping found = RowIntake.preview(csv, name, kind, hints, mapping, 0).mapping();
        for (Column c : CustomerPatch.FIELDS) if (found.has(c)) columns.add(c);
        yield into(reading, r -> new CustomerPatch(profile(r), columns), customers.fileWrite(importId));
      }
      case INTERACTIONS -> into(reading, r -> {
        var i = Records.interaction("", r);
        return Records.interaction(ids.next(Records.content(i)), r);
      }, interactions.fileWrite(importId));
      case SURVEYS -> into(reading, r -> {
        var s = Records.survey("", r);
        return Records.survey(ids.next(Records.content(s)), r);
      }, surveys.fileWrite(importId));
    };
  }

  /** Customers named as examples in a warning, as the CLI's run note names three. */
  static final int EXAMPLES = 3;

  /**
   * Stages what the import's switch applies ({@link ImportWrite#beforeSwitch}); a transactions file whose buyers
   * include customers without a record, while others have one, gets a warning saying how many (the CLI's run note
   * {@code unknown_purchasers}): they are scored without a profile and, having no owner, no sales rep sees them.
   */
  Staged beforeSwitch(long importId, FileKind kind, Staged staged) {
    staged.write().beforeSwitch();
    if (kind != FileKind.TRANSACTIONS) return staged;
    SummaryStore.Unrecorded unknown = summaries.stagedWithoutRecord(importId, EXAMPLES);
    if (unknown.count() == 0) return staged;
    return staged.with(Note.of(ImportWarning.UNKNOWN_PURCHASERS, unknown.count(), String.join(", ",
        unknown.examples())));
  }

  /** The profile after over-long texts were cut (the row's text is cut in place, the profile was built before). */
  private static CustomerProfile profile(RowIntake.Row r) {
    CustomerProfile p = r.profile();
    return new CustomerProfile(p.customerId(), r.get(Column.NAME), r.get(Column.INDUSTRY),
        r.get(Column.SIZE), r.get(Column.REGION), r.get(Column.OWNER),
        r.get(Column.PHONE), r.get(Column.EMAIL), p.birthday(), p.created());
  }

  private record Reading(long importId, Path csv, String name, FileKind kind, FormatSniffer.Hints hints,
      Map<String, String> mapping, Path rejectedCsv, Path tempDir, LongConsumer progress) {}

  private <T> Staged into(Reading in, Function<RowIntake.Row, T> convert, ImportWrite<T> store) {
    Written[] written = {Written.NONE};
    long[] cut = {0};
    long[] stored = {0};
    FileQuality q;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(in.rejectedCsv())) {
      q = ChunkHandoff.<T, FileQuality>run(CHUNK, sink -> RowIntake.read(in.csv(), in.name(), in.kind(), in.hints(),
          in.mapping(), row -> {
            cut[0] += Records.cutToColumns(row);
            sink.accept(convert.apply(row));
          }, rejects, in.tempDir(), in.progress()), chunk -> {
            written[0] = written[0].plus(eachChunk.execute(tx -> store.write(chunk)));
            stored[0] += chunk.size();
            listeners.forEach(l -> l.rowsStored(in.importId(), stored[0]));
          });
      written[0] = written[0].plus(eachChunk.execute(tx -> store.flush()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejected rows: " + e.getMessage(), e);
    }
    List<Note> warnings = new ArrayList<>(q.warnings());
    if (q.amountsRounded() > 0) warnings.add(Note.of(ImportWarning.AMOUNTS_ROUNDED, q.amountsRounded()));
    if (cut[0] > 0) warnings.add(Note.of(ImportWarning.VALUES_CUT, cut[0]));
    Written w = written[0];
    return new Staged(new ImportQuality(q.rowsRead(), q.rowsAccepted(), q.rowsRejected(), q.rejectedByReason(),
        q.duplicateRows(), q.rowsAfterAsOf(), w.inserted(), w.updated(), w.unchanged(),
        warnings.stream().map(ImportWarning::of).toList()), List.copyOf(warnings), store);
  }
}
