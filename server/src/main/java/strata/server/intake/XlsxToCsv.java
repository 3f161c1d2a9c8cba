package strata.server.intake;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import strata.intake.IntakeException;

/**
 * Turns the first sheet of an .xlsx workbook into a UTF-8 CSV file, so a workbook takes the same intake as a CSV
 * file. Streams the sheet (POI's event API): a sheet of a million rows never sits in memory as cells.
 *
 * <p>Cells come out as Excel shows them, except dates, which become yyyy-MM-dd. Missing rows become blank lines, so
 * a rejected row's line number is its row number in Excel.
 *
 * <p>A workbook is small on disk and large in cells: a few KB of repeated XML compress to nothing, and a cell in
 * column XFD pads every row to 16,384 cells (a 1.6 KB file became a 287 MB CSV). So rows and columns stop at
 * Excel's own limits, the cells written (padding included) at {@link #MAX_CELLS}, and POI's zip-bomb checks are on.
 */
final class XlsxToCsv {
  /** Excel's own limits: a sheet saved by Excel never goes beyond them. */
  static final int MAX_ROWS = 1_048_576;
  static final int MAX_COLUMNS = 16_384;
  /** Cells written, padding included: a million rows of 50 columns. Larger data comes as CSV. */
  static final long MAX_CELLS = 50_000_000;

  static {
    // POI's defaults, stated so they stay on: an entry may expand at most 100-fold, and no entry beyond 4 GB.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(0xFFFFFFFFL);
  }

  private XlsxToCsv() {}

  /** @throws IntakeException naming {@code name} when the file is not a readable workbook or is too large */
  static void convert(Path xlsx, Path csv, String name) {
    convert(xlsx, csv, name, MAX_CELLS);
  }

  /** As {@link #convert(Path, Path, String)} with another cell limit (tests). */
  static void convert(Path xlsx, Path csv, String name, long maxCells) {
    // RFC 4180 quoting only: the values are data for Strata's own intake, not for a spreadsheet.
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
        CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16)
            .build(csv, StandardCharsets.UTF_8)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) throw new IntakeException(IntakeException.NO_SHEET, name);
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
            new ReadOnlySharedStringsTable(pkg), new Rows(out, name, maxCells), new IsoDates(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (IntakeException e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw IntakeException.causedBy(e, IntakeException.SHEET_NOT_WRITTEN, name, e.getCause().getMessage());
    } catch (Exception e) {
      throw IntakeException.causedBy(e, IntakeException.NOT_XLSX, name, e.getMessage());
    }
  }

  /** Excel's display formats, but dates as yyyy-MM-dd whatever the cell's date format. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904);
    }
  }

  /** Writes rows as CSV records, padded to the header's width (Excel leaves trailing empty cells out). */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final CsvWriter out;
    private final String name;
    private final List<String> cells = new ArrayList<>();
    private int width = -1;
    private int nextRow;
    private final long maxCells;
    private long cellsWritten;

    Rows(CsvWriter out, String name, long maxCells) {
      this.out = out;
      this.name = name;
      this.maxCells = maxCells;
    }

    @Override
    public void startRow(int rowNum) {
      if (rowNum < 0 || rowNum >= MAX_ROWS) {
        throw new IntakeException(IntakeException.TOO_MANY_ROWS, name, rowNum + 1L, MAX_ROWS);
      }
      for (; nextRow < rowNum; nextRow++) out.writeRecord(List.of());
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (width < 0) width = cells.size();
      while (cells.size() < width) cells.add("");
      cellsWritten += cells.size();
      if (cellsWritten > maxCells) {
        throw new IntakeException(IntakeException.TOO_MANY_CELLS, name, maxCells, width);
      }
      out.writeRecord(cells);
      nextRow = rowNum + 1;
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int col = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (col < 0 || col >= MAX_COLUMNS) {
        throw new IntakeException(IntakeException.TOO_MANY_COLUMNS, name, reference, MAX_COLUMNS);
      }
      while (cells.size() < col) cells.add("");
      cells.add(value == null ? "" : value);
    }
  }
}
