package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import strata.intake.FileKind;
import strata.server.api.BadRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch API's record check over arbitrary JSON: a call is refused with {@link BadRequest}, or every record is
 * either taken or rejected on its own, once.
 */
class BatchRecordsProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 300)
  void everyRecordIsTakenOrRejectedOnceOrTheCallIsRefused(@ForAll FileKind kind, @ForAll("bodies") JsonNode body) {
    BatchRecords.Checked c;
    try {
      c = BatchRecords.check(kind, body);
    } catch (BadRequest refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    Set<Integer> seen = new HashSet<>(c.indexes());
    c.rejected().forEach(r -> assertThat(seen.add(r.index())).as("index %d twice", r.index()).isTrue());
    assertThat(seen).hasSize(body.size());
    assertThat(c.rows()).hasSize(c.indexes().size());
    assertThat(c.recordIds()).hasSize(c.indexes().size());
  }

  @Provide
  Arbitrary<JsonNode> bodies() {
    Arbitrary<JsonNode> record = Combinators.combine(field().list().ofMaxSize(7), value().list().ofMaxSize(7))
        .as((names, values) -> {
          ObjectNode o = NODES.objectNode();
          for (int i = 0; i < Math.min(names.size(), values.size()); i++) o.set(names.get(i), values.get(i));
          return (JsonNode) o;
        });
    Arbitrary<JsonNode> item = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, record), net.jqwik.api.Tuple.of(1, value()));
    Arbitrary<JsonNode> array = item.list().ofMaxSize(12).map(items -> {
      ArrayNode a = NODES.arrayNode();
      items.forEach(a::add);
      return a;
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, array), net.jqwik.api.Tuple.of(1, value()));
  }

  private static Arbitrary<String> field() {
    Set<String> names = new HashSet<>(List.of("recordId", "x"));
    for (FileKind k : FileKind.values()) names.addAll(BatchRecords.fields(k).keySet());
    return Arbitraries.oneOf(Arbitraries.of(names.stream().sorted().toList()), Arbitraries.strings().ofMaxLength(3));
  }

  private static Arbitrary<JsonNode> value() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.of("C1", "C2",
        "r1", "r2", "2024-01-05", "2024-02-30", "2024-01-05 10:00:00", "1,234.50", "¥12", "(3.00)", "1e99", " ",
        "a\u0000b", "\u0007", "9", "10", "-1", "客户", "x".repeat(300)));
    return Arbitraries.oneOf(
        text.map(NODES::stringNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(Double.POSITIVE_INFINITY, Double.NaN, 1e300, -0.0).map(NODES::numberNode),
        Arbitraries.of(new BigDecimal("1e-400"), new BigDecimal("12.345"), new BigDecimal("1E+30"))
            .map(NODES::numberNode),
        Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()));
  }
}
