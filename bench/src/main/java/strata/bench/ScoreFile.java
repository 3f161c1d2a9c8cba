package strata.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Reads a score CSV by header names; columns it does not know (Strata writes more) are ignored. */
final class ScoreFile {
    static final List<String> COLUMNS = List.of(
            "customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score");

    private ScoreFile() {
    }

    /**
     * Feeds every data row of {@code file} to {@code sink}.
     *
     * @return the number of rows read
     * @throws IllegalArgumentException if a required column is missing or a value is not a number
     *     (the message names the file and line)
     */
    static long read(Path file, Consumer<ScoreRow> sink) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException(file + ": empty file, expected a header line");
            }
            int[] index = columnIndexes(file, records.next().getFields());
            long count = 0;
            while (records.hasNext()) {
                sink.accept(parse(file, records.next(), index));
                count++;
            }
            return count;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static int[] columnIndexes(Path file, List<String> header) {
        int[] index = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            // Strata writes a UTF-8 byte-order mark for Excel; it is not part of the first column's name.
            index[i] = header.stream().map(h -> h.replace("\uFEFF", "")).toList().indexOf(COLUMNS.get(i));
            if (index[i] < 0) {
                missing.add(COLUMNS.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + ": header lacks column(s) " + missing
                    + "; found " + header);
        }
        return index;
    }

    private static ScoreRow parse(Path file, CsvRecord record, int[] index) {
        String column = "";
        try {
            column = COLUMNS.get(1);
            long recency = Long.parseLong(field(record, index[1]));
            column = COLUMNS.get(2);
            long frequency = Long.parseLong(field(record, index[2]));
            column = COLUMNS.get(3);
            BigDecimal monetary = new BigDecimal(field(record, index[3]));
            column = COLUMNS.get(4);
            int r = Integer.parseInt(field(record, index[4]));
            column = COLUMNS.get(5);
            int f = Integer.parseInt(field(record, index[5]));
            column = COLUMNS.get(6);
            int m = Integer.parseInt(field(record, index[6]));
            return new ScoreRow(field(record, index[0]), recency, frequency, monetary, r, f, m);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(file + " line " + record.getStartingLineNumber()
                    + ": " + column + " is missing or not a number in " + record.getFields(), e);
        }
    }

    private static String field(CsvRecord record, int index) {
        return record.getField(index).strip();
    }
}
