package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;

/** Side entries through the batches' byte form come back equal: records compare every field. */
class EntryWireTest {
  private static final List<SideJoin.Entry> ENTRIES = List.of(
      new SideJoin.Entry("C-001", new CustomerProfile("C-001", "华东贸易有限公司", "制造", "大型", "华东", "王伟",
          "13800000000", "a@example.com", LocalDate.of(1980, 2, 29), LocalDate.of(2020, 1, 1)), 0, null),
      new SideJoin.Entry("客户 ☃ \"q\",\n", null, -1,
          new Engagement(3, 1, 1, 1, 0, 20_000, 9, 20_001, -1, -1)),
      new SideJoin.Entry("x", new CustomerProfile("x", "", "", "", "", "", "", "", null, null), Long.MAX_VALUE,
          new Engagement(Long.MAX_VALUE, 0, 0, 0, Long.MIN_VALUE, -1, -1, -1, 5, Integer.MIN_VALUE)),
      new SideJoin.Entry("long", new CustomerProfile("long", "名".repeat(70_000), null, "", "", "", "", "", null,
          LocalDate.MIN), 7, null));

  @Test
  void entriesComeBackEqual() {
    assertThat(EntryWire.read(EntryWire.write(ENTRIES))).isEqualTo(ENTRIES);
    assertThat(EntryWire.read(EntryWire.write(List.of()))).isEmpty();
  }

  @Test
  void aBatchCutShortIsAnErrorNotFewerEntries() {
    byte[] bytes = EntryWire.write(ENTRIES);
    assertThatThrownBy(() -> EntryWire.read(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
  }
}
