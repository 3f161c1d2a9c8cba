package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.IntakeException;

/** Workbooks that are small on disk and huge as cells are refused, not written out. */
class XlsxToCsvTest {
  @TempDir Path dir;

  /** A header with a cell in the last column (XFD) and {@code rows} rows of one cell each. */
  private Path paddedWorkbook(int rows) throws IOException {
    Path xlsx = dir.resolve("padded.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("customer_id");
      header.createCell(XlsxToCsv.MAX_COLUMNS - 1).setCellValue("x");
      for (int i = 1; i <= rows; i++) sheet.createRow(i).createCell(0).setCellValue("B" + i);
      wb.write(out);
    }
    return xlsx;
  }

  @Test
  void aSheetPaddedPastTheCellLimitIsRefusedNamingTheLimit() throws IOException {
    // 101 rows padded to 16,384 cells: 1,654,784 cells, over a limit of 1,000,000 (the real one is 50 million).
    Path xlsx = paddedWorkbook(100);
    Path csv = dir.resolve("sheet.csv");
    assertThatThrownBy(() -> XlsxToCsv.convert(xlsx, csv, "bomb.xlsx", 1_000_000))
        .isInstanceOf(IntakeException.class)
        .hasMessageStartingWith("bomb.xlsx: the sheet has more than 1000000 cells")
        .hasMessageContaining("16384 wide");
    assertThat(Files.size(csv)).isLessThan(2_000_000); // stopped at the limit, not after writing everything
  }

  @Test
  void aSheetWithinTheLimitConvertsAsBefore() throws IOException {
    Path xlsx = paddedWorkbook(3);
    Path csv = dir.resolve("sheet.csv");
    XlsxToCsv.convert(xlsx, csv, "ok.xlsx", 1_000_000);
    assertThat(Files.readAllLines(csv)).hasSize(4).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(16_384));
  }
}
