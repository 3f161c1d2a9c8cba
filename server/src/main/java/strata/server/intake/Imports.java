package strata.server.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import strata.i18n.Note;
import strata.intake.FileKind;
import strata.intake.IntakeException;
import strata.server.api.BadRequest;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.cluster.Instance;
import strata.server.data.HiddenImports;
import strata.server.data.WriteLock;

/**
 * File imports as jobs. One worker thread runs them in turn, on the server that received the upload, and each holds
 * the {@link WriteLock} (a database lock) while it is applied: imports on every server are serialised, which also keeps
 * "which records are new" free of races between them. Its rows are committed in chunks, hidden until one small
 * transaction switches them on with the job's success: they appear all at once or not at all, and no transaction
 * grows with the file. Files live under {@code ${strata.data}/imports/<id>/} with names the server
 * chooses; the client's file name is kept only as text.
 */
@Service
public class Imports {
  private static final Logger log = LoggerFactory.getLogger(Imports.class);
  private static final String UPLOAD_CSV = "upload.csv";
  private static final String UPLOAD_XLSX = "upload.xlsx";
  private static final String SHEET_CSV = "sheet.csv";
  static final String REJECTED_CSV = "rejected.csv";

  private final ImportJobs jobs;
  private final FileImport fileImport;
  private final Audited audited;
  private final ApplicationEventPublisher events;
  private final WriteLock lock;
  private final HiddenImports hidden;
  private final Instance instance;
  private final TransactionTemplate all;
  private final TransactionTemplate aside;
  private final Path root;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "strata-import");
    t.setDaemon(true);
    return t;
  });

  Imports(ImportJobs jobs, FileImport fileImport, Audited audited, ApplicationEventPublisher events, WriteLock lock,
      HiddenImports hidden, PlatformTransactionManager transactions, Instance instance,
      @Value("${strata.data}") String dataDir) {
    this.hidden = hidden;
    this.instance = instance;
    this.lock = lock;
    this.all = new TransactionTemplate(transactions);
    this.aside = new TransactionTemplate(transactions);
    aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.jobs = jobs;
    this.fileImport = fileImport;
    this.audited = audited;
    this.events = events;
    this.root = Path.of(dataDir).toAbsolutePath().resolve("imports");
  }

  /** What an upload is, from its first bytes and name: a workbook or delimited text. */
  enum Format { CSV, XLSX }

  /**
   * Stores an upload and queues its import.
   *
   * @throws BadRequest for an unknown kind, an empty file or a file that claims to be a workbook and is not
   */
  ImportJob start(InputStream content, String clientFileName, String kind, ImportOptions options, String username) {
    Path staged = stage(content);
    try {
      return job(queue(staged, true, clientFileName, kind, options, username).id());
    } finally {
      deleteQuietly(staged);
    }
  }

  /**
   * Imports a file on the server's disk (the demo loader) and waits for it: the same job, checks and audit as an
   * upload. The file is copied first, so the caller keeps it.
   *
   * @param kind transactions, customers, interactions or surveys
   * @return the finished job (succeeded or failed)
   */
  public ImportJob importFile(Path file, String kind, String clientFileName, ImportOptions options, String username) {
    Queued queued = queue(file, false, clientFileName, kind, options, username);
    try {
      queued.done().get();
      return job(queued.id());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing " + file, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("import of " + file + " failed", e.getCause());
    }
  }

  private record Queued(long id, Future<?> done) {}

  /** Creates the job, puts the file (moved or copied) in its folder and queues it on the import thread. */
  private Queued queue(Path file, boolean move, String clientFileName, String kind, ImportOptions options,
      String username) {
    FileKind fileKind = Kinds.of(kind, "kind");
    String name = displayName(clientFileName);
    try {
      Format format = format(file, name);
      // Hidden from the start: whatever the import stores is invisible until its switch.
      long id = all.execute(tx -> {
        long created = jobs.create(fileKind.label(), name, username, instance.id());
        hidden.hide(created);
        return created;
      });
      Path dir = Files.createDirectories(root.resolve(Long.toString(id)));
      Path upload = dir.resolve(format == Format.XLSX ? UPLOAD_XLSX : UPLOAD_CSV);
      if (move) Files.move(file, upload);
      else Files.copy(file, upload);
      return new Queued(id, worker.submit(() -> run(id, upload, format, fileKind, name, options, username)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + name + ": " + e.getMessage(), e);
    }
  }

  public ImportJob job(long id) {
    return jobs.find(id).orElseThrow(() -> new NotFound("no import " + id));
  }

  public Page<ImportJob> list(int page, int size) {
    Page.check(page, size);
    return jobs.list(page, size);
  }

  /** Records the tiering run started after an import (for the run module). */
  public void linkRun(long importId, long runId) {
    jobs.linkRun(importId, runId);
  }

  /** The import's rejected.csv; 404 when the import never got to read rows. */
  Path rejectedRows(long id) {
    job(id);
    Path file = root.resolve(Long.toString(id)).resolve(REJECTED_CSV);
    if (!Files.isRegularFile(file)) throw new NotFound("import " + id + " has no rejected rows file");
    return file;
  }

  private void run(long id, Path upload, Format format, FileKind kind, String name, ImportOptions options,
      String username) {
    jobs.running(id);
    Path dir = upload.getParent();
    Path csv = format == Format.XLSX ? dir.resolve(SHEET_CSV) : upload;
    FileImport.Staged[] read = {null};
    try {
      if (format == Format.XLSX) XlsxToCsv.convert(upload, csv, name);
      Progress progress = new Progress(id, Files.size(csv));
      // All or nothing without one big transaction: the rows are committed in chunks but hidden (Visible) until the
      // switch, one small transaction that applies what was staged, shows the rows, marks the job succeeded and
      // writes its audit entry. A server killed before it leaves them hidden, and they are deleted at the next start
      // (AbandonedImports).
      boolean applied = lock.lockedStepwise(() -> {
        try {
          FileImport.Staged stored = fileImport.read(id, csv, name, kind, options.hints(format == Format.XLSX),
              options.mapping(), dir.resolve(REJECTED_CSV), dir, progress::bytes);
          read[0] = stored;
          if (stored.quality().accepted() == 0) return false;
          FileImport.Staged staged = fileImport.beforeSwitch(id, kind, stored);
          read[0] = staged;
          audited.run(audit -> {
            hidden.show(id); // first: what the switch rebuilds from stored rows must read this import's too
            staged.write().atSwitch();
            jobs.succeeded(id, staged);
            ImportQuality counted = staged.quality();
            audit.record(username, "import",
                AuditDetail.of("import_file", "file", name, "kind", kind.label(), "rows", counted.rows(),
                    "accepted", counted.accepted(), "rejected", counted.rejected(), "inserted", counted.inserted(),
                    "updated", counted.updated(), "unchanged", counted.unchanged()));
          });
          return true;
        } catch (RuntimeException e) {
          hidden.discard(id); // under the lock: the next import must not find these rows as already stored
          throw e;
        }
      });
      ImportQuality q = read[0].quality();
      if (!applied) {
        fail(id, q.rejected() > 0
            ? Note.of(IntakeException.ALL_REJECTED, name, q.rows(), q.rejected(), reasons(q))
            : Note.of(IntakeException.NO_ROWS, name, q.rows(), q.rejected()), read[0], kind, username);
        return;
      }
      events.publishEvent(new ImportFinished(id, username));
    } catch (IntakeException e) {
      fail(id, namedByClient(e.reason(), name, csv.getFileName().toString()), null, kind, username);
    } catch (RuntimeException | IOException e) {
      log.error("import {} of '{}' failed", id, name, e);
      fail(id, Note.of(ImportFailure.INTERNAL), null, kind, username);
    }
  }

  /** Messages about the file name the stored copy; the user knows it by their own name. */
  static Note namedByClient(Note why, String name, String... storedNames) {
    return new Note(why.code(), why.args().stream().map(a -> {
      for (String stored : storedNames) a = a.replace(stored, name);
      return a;
    }).toList());
  }

  /** Stores why as a code and its values ({@link ImportFailure}); the audit log keeps its text in both languages. */
  private void fail(long id, Note why, FileImport.Staged read, FileKind kind, String username) {
    audited.run(audit -> {
      jobs.failed(id, why, read);
      audit.record(username, "import", AuditDetail.of("import_failed", "kind", kind.label(),
              "reason", AuditDetail.text(why.text(Locale.SIMPLIFIED_CHINESE), why.text(Locale.ENGLISH))));
    });
    hidden.discard(id);
  }

  /** Writes the job's progress at most a few times a second. */
  private final class Progress {
    private final long id;
    private final long size;
    private long lastWrite;

    Progress(long id, long size) {
      this.id = id;
      this.size = Math.max(1, size);
    }

    void bytes(long read) {
      long now = System.nanoTime();
      if (now - lastWrite < 250_000_000L) return;
      lastWrite = now;
      // Beside the import's own transaction, or nobody would see the progress before the end.
      aside.executeWithoutResult(tx -> jobs.progress(id, Math.min(0.99, (double) read / size)));
    }
  }

  private static String reasons(ImportQuality q) {
    StringBuilder sb = new StringBuilder();
    q.reasons().forEach((code, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(code).append(' ').append(n));
    return sb.toString();
  }

  /** The client's name as text only: never used as a path. Control characters are dropped, the length capped. */
  static String displayName(String clientFileName) {
    if (clientFileName == null || clientFileName.isBlank()) return "upload";
    String s = clientFileName.replaceAll("\\p{Cntrl}", "").strip();
    return s.isEmpty() ? "upload" : s.length() > 200 ? s.substring(0, 200) : s;
  }

  /** Workbooks are recognised by content (a zip) or by name; an .xlsx that is not a zip is refused at once. */
  static Format format(Path file, String name) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    }
    if (head.length == 0) throw ImportFailure.refusal(Note.of(IntakeException.EMPTY, name));
    boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean ole = head.length >= 4 && head[0] == (byte) 0xD0 && head[1] == (byte) 0xCF && head[2] == 0x11
        && head[3] == (byte) 0xE0;
    String lower = name.toLowerCase(Locale.ROOT);
    if (ole || lower.endsWith(".xls")) throw ImportFailure.refusal(Note.of(ImportFailure.OLD_XLS, name));
    if (lower.endsWith(".xlsx") && !zip) throw ImportFailure.refusal(Note.of(ImportFailure.NOT_ZIP, name));
    return zip ? Format.XLSX : Format.CSV;
  }

  /** Uploads are streamed to a staging file under the data folder first (never into memory, never by their name). */
  private Path stage(InputStream content) {
    try {
      Path staging = Files.createDirectories(root.resolve("staging"));
      Path staged = Files.createTempFile(staging, "upload-", ".bin");
      try (content) {
        Files.copy(content, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return staged;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload: " + e.getMessage(), e);
    }
  }

  Path stagingFile(InputStream content) {
    return stage(content);
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", p, e.getMessage());
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
