package strata.server.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A file import's rows of one table: new rows go in hidden under the import's id; changes to rows already visible
 * are kept here and made at the switch. File rows get ids from their content, so such changes are rare (a record id
 * of the batch API that looks like a file row's) and few.
 */
final class StagedRecords<T> implements ImportWrite<T> {
  private final RecordTable<T> table;
  private final long importId;
  final List<T> changed = new ArrayList<>();
  final List<T> replaced = new ArrayList<>();

  StagedRecords(RecordTable<T> table, long importId) {
    this.table = table;
    this.importId = importId;
  }

  @Override
  public Written write(List<T> chunk) {
    return Written.of(stage(chunk));
  }

  RecordTable.Changes<T> stage(List<T> chunk) {
    RecordTable.Changes<T> c = table.stage(chunk, importId);
    changed.addAll(c.updated());
    replaced.addAll(c.replaced());
    return c;
  }

  @Override
  public void atSwitch() {
    table.update(changed);
  }
}
