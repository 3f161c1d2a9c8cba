package strata.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import strata.i18n.Note;

/**
 * Which field of a file holds which {@link Column}: the user's explicit choices first, then the recognised header
 * names. A required column that cannot be found is an error naming the file, the column and the headers seen.
 */
public final class ColumnMapping {
  private final Map<Column, Integer> index;
  private final List<Note> warnings;

  private ColumnMapping(Map<Column, Integer> index, List<Note> warnings) {
    this.index = index;
    this.warnings = warnings;
  }

  /**
   * @param overrides column key (e.g. {@code amount}) to the exact header text that holds it
   * @throws IntakeException when a required column is missing or an override names no header
   */
  public static ColumnMapping resolve(String file, FileKind kind, List<String> header, Map<String, String> overrides) {
    ColumnMapping mapping = match(file, kind, header, overrides);
    for (Column column : kind.required()) {
      if (!mapping.has(column)) {
        throw new IntakeException(IntakeException.NO_COLUMN, file, column.key(),
            String.join(", ", column.aliases().subList(0, Math.min(4, column.aliases().size()))) + ", "
                + column.aliases().stream().filter(a -> a.codePointAt(0) > 0x2E80).findFirst().orElse(""),
            String.join(", ", header));
      }
    }
    return mapping;
  }

  /**
   * The columns found so far, without requiring any: for a preview that shows what is still {@link #missing}.
   *
   * @throws IntakeException when an override names no header
   */
  public static ColumnMapping match(String file, FileKind kind, List<String> header, Map<String, String> overrides) {
    Map<Column, Integer> index = new EnumMap<>(Column.class);
    List<Note> warnings = new ArrayList<>();
    List<String> normalised = header.stream().map(Column::normalise).toList();
    List<Column> wanted = new ArrayList<>(kind.required());
    wanted.addAll(kind.optional());
    for (Column column : wanted) {
      String chosen = overrides.get(column.key());
      if (chosen != null) {
        int at = header.indexOf(chosen);
        if (at < 0) at = normalised.indexOf(Column.normalise(chosen));
        if (at < 0) {
          throw new IntakeException(IntakeException.MAP_NAMES_NO_COLUMN, file, column.key(), chosen,
              String.join(", ", header));
        }
        index.put(column, at);
      }
    }
    for (Column column : wanted) {
      if (index.containsKey(column)) continue;
      List<Integer> matches = new ArrayList<>();
      for (String alias : column.aliases()) {
        for (int i = 0; i < normalised.size(); i++) {
          if (normalised.get(i).equals(alias) && !index.containsValue(i) && !matches.contains(i)) matches.add(i);
        }
      }
      if (matches.isEmpty()) continue;
      index.put(column, matches.get(0));
      if (matches.size() > 1) {
        warnings.add(Note.of("quality_columns_alike", matches.stream().map(header::get).collect(Collectors.joining(", ")),
            column.key(), header.get(matches.get(0))));
      }
    }
    return new ColumnMapping(index, warnings);
  }

  /** Field index of the column, or -1 if the file does not have it. */
  public int indexOf(Column column) {
    return index.getOrDefault(column, -1);
  }

  /** The required columns of the kind that were not found. */
  public List<Column> missing(FileKind kind) {
    return kind.required().stream().filter(c -> !index.containsKey(c)).toList();
  }

  public boolean has(Column column) {
    return index.containsKey(column);
  }

  /** Column key to the header it was read from, for the quality report. */
  public Map<String, String> describe(List<String> header) {
    Map<String, String> out = new LinkedHashMap<>();
    index.forEach((column, i) -> out.put(column.key(), header.get(i)));
    return out;
  }

  /** Columns that more than one header could be, and which one was taken ({@code quality_columns_alike}). */
  public List<Note> warnings() {
    return warnings;
  }
}
