package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers people really write are recognised without a mapping, and one header never means two columns. */
class ColumnMappingTest {
  @Test
  void commonChineseSynonymsForTheAmountAreRecognised() {
    // The minimum list (实收款, 实付, 成交金额, 应收) and the README's forms.
    for (String amount : List.of("实收款", "实付", "成交金额", "应收", "实付金额", "成交额", "价税合计", "金额")) {
      ColumnMapping m = ColumnMapping.resolve("o.csv", FileKind.TRANSACTIONS, List.of("客户编号", "下单日期", amount),
          Map.of());
      assertThat(m.indexOf(Column.AMOUNT)).as(amount).isEqualTo(2);
    }
    ColumnMapping m = ColumnMapping.resolve("o.csv", FileKind.TRANSACTIONS, List.of("会员卡号", "成交时间", "实收"), Map.of());
    assertThat(m.indexOf(Column.CUSTOMER_ID)).isZero();
    assertThat(m.indexOf(Column.ORDER_DATE)).isEqualTo(1);
  }

  @Test
  void anUnknownHeaderStillNeedsAMappingAndTheErrorSaysHow() {
    assertThatThrownBy(() -> ColumnMapping.resolve("o.csv", FileKind.TRANSACTIONS, List.of("客户编号", "下单日期", "结算值"),
        Map.of())).isInstanceOf(IntakeException.class).hasMessageContaining("no amount column")
        .hasMessageContaining("结算值").hasMessageContaining("--map amount=");
    assertThat(ColumnMapping.resolve("o.csv", FileKind.TRANSACTIONS, List.of("客户编号", "下单日期", "结算值"),
        Map.of("amount", "结算值")).indexOf(Column.AMOUNT)).isEqualTo(2);
  }

  @Test
  void noAliasMeansTwoColumnsOfTheSameFile() {
    for (FileKind kind : FileKind.values()) {
      Map<String, Column> owner = new HashMap<>();
      Map<Column, Boolean> seen = new EnumMap<>(Column.class);
      for (Column c : concat(kind.required(), kind.optional())) {
        seen.put(c, true);
        for (String alias : c.aliases()) {
          Column before = owner.putIfAbsent(alias, c);
          assertThat(before == null || before == c).as("%s: '%s' is both %s and %s", kind, alias, before, c).isTrue();
        }
      }
      assertThat(seen).isNotEmpty();
    }
  }

  private static List<Column> concat(List<Column> a, List<Column> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
