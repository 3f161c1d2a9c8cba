package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDocumentedDemo() {
    assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(20261123L, 2_000, LocalDate.of(2026, 11, 1)));
  }

  @Test
  void rejectsTooFewCustomers() {
    assertThatThrownBy(() -> new DemoOptions(1, 49, DemoOptions.DEFAULT_AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 50 and 999999, got 49");
    assertThatThrownBy(() -> new DemoOptions(1, -5, DemoOptions.DEFAULT_AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -5");
  }

  @Test
  void rejectsMoreCustomersThanSixDigitIdsHold() {
    assertThatThrownBy(() -> new DemoOptions(1, 1_000_000, DemoOptions.DEFAULT_AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1000000");
  }

  @Test
  void rejectsMissingOrOutOfRangeAsOfDate() {
    assertThatThrownBy(() -> new DemoOptions(1, 100, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("asOf");
    assertThatThrownBy(() -> new DemoOptions(1, 100, LocalDate.of(1979, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1979-12-31");
    assertThatThrownBy(() -> new DemoOptions(1, 100, LocalDate.of(2150, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2150-01-01");
  }

  @Test
  void acceptsTheBoundaries() {
    assertThat(new DemoOptions(Long.MIN_VALUE, 50, LocalDate.of(1980, 1, 1)).customers()).isEqualTo(50);
    assertThat(new DemoOptions(Long.MAX_VALUE, 999_999, LocalDate.of(2149, 12, 31)).customers()).isEqualTo(999_999);
  }

  @Test
  void writeRequiresDirectoryAndOptions() {
    assertThatThrownBy(() -> DemoDataGenerator.write(null, DemoOptions.defaults()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("directory");
    assertThatThrownBy(() -> DemoDataGenerator.write(dir, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("options");
  }

  @Test
  void writeCreatesMissingDirectories() throws Exception {
    Path nested = dir.resolve("a/b");
    DemoFiles files = DemoDataGenerator.write(nested, new DemoOptions(7, 50, DemoOptions.DEFAULT_AS_OF));
    assertThat(files.customers()).isRegularFile().hasParent(nested);
  }

  @Test
  void writeFailsWhenTheDirectoryIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    assertThatThrownBy(() -> DemoDataGenerator.write(file, DemoOptions.defaults()))
        .isInstanceOf(java.io.IOException.class);
  }
}
