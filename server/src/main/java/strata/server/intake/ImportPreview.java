package strata.server.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import strata.intake.Column;
import strata.intake.FileKind;
import strata.intake.IntakeException;
import strata.intake.RowIntake;

/** The first rows of an upload and how its headers map to columns, so the user can fix the mapping first. */
@Component
class ImportPreview {
  static final int ROWS = 10;

  record ColumnView(String header, String field) {}

  record Answer(String fileName, String charset, String delimiter, List<ColumnView> columns, List<String> missing,
      List<String> fields, List<List<String>> rows) {}

  private final Imports imports;

  ImportPreview(Imports imports) {
    this.imports = imports;
  }

  Answer preview(InputStream content, String clientFileName, String kind, ImportOptions options) {
    FileKind fileKind = Kinds.of(kind, "kind");
    String name = Imports.displayName(clientFileName);
    Path staged = imports.stagingFile(content);
    Path sheet = staged.resolveSibling(staged.getFileName() + ".csv");
    try {
      boolean xlsx = Imports.format(staged, name) == Imports.Format.XLSX;
      if (xlsx) XlsxToCsv.convert(staged, sheet, name);
      Path csv = xlsx ? sheet : staged;
      RowIntake.Preview p = RowIntake.preview(csv, name, fileKind, options.hints(xlsx), options.mapping(), ROWS);
      List<String> header = p.format().header();
      List<ColumnView> columns = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) columns.add(new ColumnView(header.get(i), fieldAt(p, fileKind, i)));
      List<String> fields = new ArrayList<>();
      fileKind.required().forEach(c -> fields.add(c.key()));
      fileKind.optional().forEach(c -> fields.add(c.key()));
      return new Answer(name, p.format().charset().name(), p.format().delimiterName(), columns,
          p.missing().stream().map(Column::key).toList(), fields, p.rows());
    } catch (IntakeException e) {
      throw ImportFailure.refusal(Imports.namedByClient(e.reason(), name, staged.getFileName().toString(),
          sheet.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Imports.deleteQuietly(staged);
      Imports.deleteQuietly(sheet);
    }
  }

  private static String fieldAt(RowIntake.Preview p, FileKind kind, int index) {
    for (Column c : kind.required()) if (p.mapping().indexOf(c) == index) return c.key();
    for (Column c : kind.optional()) if (p.mapping().indexOf(c) == index) return c.key();
    return null;
  }

}
