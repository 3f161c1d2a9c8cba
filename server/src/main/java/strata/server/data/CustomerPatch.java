package strata.server.data;

import java.util.EnumSet;
import java.util.Set;
import strata.intake.Column;
import strata.intake.CustomerProfile;

/**
 * A customer profile as sent and which of its fields were sent, for partial updates in the manner of a JSON merge
 * patch (RFC 7396): a field sent sets the stored value (an empty or null one clears it), a field not sent keeps it.
 *
 * @param sent the profile's columns that were present; the id is always taken
 */
public record CustomerPatch(CustomerProfile profile, Set<Column> sent) {
  /** The profile's columns besides the id. */
  public static final Set<Column> FIELDS = Set.copyOf(EnumSet.of(Column.NAME, Column.INDUSTRY, Column.SIZE,
      Column.REGION, Column.OWNER, Column.PHONE, Column.EMAIL, Column.BIRTHDAY, Column.CREATED));

  /** A patch that replaces every field: today's full replace. */
  public static CustomerPatch whole(CustomerProfile profile) {
    return new CustomerPatch(profile, FIELDS);
  }

  /** The profile to store over {@code stored}: sent fields from the patch, the others as they were. */
  public CustomerProfile over(CustomerProfile stored) {
    CustomerProfile p = profile;
    return new CustomerProfile(p.customerId(), pick(Column.NAME, p.name(), stored.name()),
        pick(Column.INDUSTRY, p.industry(), stored.industry()), pick(Column.SIZE, p.size(), stored.size()),
        pick(Column.REGION, p.region(), stored.region()), pick(Column.OWNER, p.owner(), stored.owner()),
        pick(Column.PHONE, p.phone(), stored.phone()), pick(Column.EMAIL, p.email(), stored.email()),
        pick(Column.BIRTHDAY, p.birthday(), stored.birthday()), pick(Column.CREATED, p.created(), stored.created()));
  }

  private <V> V pick(Column column, V patched, V stored) {
    return sent.contains(column) ? patched : stored;
  }
}
