package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import strata.summary.CustomerSummary;

/** Customers through the shuffle's byte form come back equal, field by field. */
class SummaryWireTest {
  private static final List<FirstSeen> CUSTOMERS = List.of(
      new FirstSeen(7L << 32 | 3, new CustomerSummary("C-001", new int[] {19000, 19001, 19400}, new long[] {-5, 2, 9},
          0, 4, 12_345, 0, 1_000, new TreeMap<>(Map.of("书籍", 2L, "toys", 2L)))),
      new FirstSeen(1, new CustomerSummary("客户 ☃ \"q\",\n", new int[] {0}, new long[0], 3, 3, -250, 250, -250,
          Map.of())),
      new FirstSeen(Long.MAX_VALUE, new CustomerSummary("x", new int[] {65535}, new long[] {Long.MIN_VALUE}, 0, 1,
          Long.MAX_VALUE, Long.MIN_VALUE, 0, new TreeMap<>(Map.of("", 1L)))));

  @Test
  void customersComeBackEqual() {
    List<FirstSeen> back = SummaryWire.read(SummaryWire.write(CUSTOMERS));
    assertThat(back).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(back.get(i).firstRow()).isEqualTo(CUSTOMERS.get(i).firstRow());
      assertThat(back.get(i).summary()).isEqualTo(CUSTOMERS.get(i).summary()); // arrays and map by content
    }
    assertThat(SummaryWire.read(SummaryWire.write(List.of()))).isEmpty();
  }

  @Test
  void aCutPieceIsAnErrorNotFewerCustomers() {
    byte[] bytes = SummaryWire.write(CUSTOMERS);
    assertThatThrownBy(() -> SummaryWire.read(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    assertThatThrownBy(() -> SummaryWire.read(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("left over");
  }

  @Test
  void aCustomerThroughJavaSerializationComesBackEqual() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(CUSTOMERS.get(0));
      out.writeObject(new java.util.ArrayList<>(CUSTOMERS));
    }
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      FirstSeen one = (FirstSeen) in.readObject();
      assertThat(one.firstRow()).isEqualTo(CUSTOMERS.get(0).firstRow());
      assertThat(one.summary()).isEqualTo(CUSTOMERS.get(0).summary());
      @SuppressWarnings("unchecked")
      List<FirstSeen> all = (List<FirstSeen>) in.readObject();
      assertThat(all).extracting(FirstSeen::summary).containsExactlyElementsOf(
          CUSTOMERS.stream().map(FirstSeen::summary).toList());
    }
  }
}
