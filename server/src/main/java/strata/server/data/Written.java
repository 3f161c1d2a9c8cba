package strata.server.data;

/** What a write of records did: rows new to the store, rows whose content changed, rows already there as sent. */
public record Written(long inserted, long updated, long unchanged) {
  public static final Written NONE = new Written(0, 0, 0);

  public Written plus(Written o) {
    return new Written(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
  }

  static Written of(RecordTable.Changes<?> c) {
    return new Written(c.inserted().size(), c.updated().size(), c.unchanged());
  }
}
