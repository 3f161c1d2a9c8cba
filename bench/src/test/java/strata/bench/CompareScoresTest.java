package strata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareScoresTest {

    static final String DUCKDB = """
            customer_id,recency_days,frequency,monetary,r_score,f_score,m_score
            A,1,2,150.00,3,3,4
            B,5,2,50.00,2,3,3
            """;

    @TempDir
    Path dir;

    @Test
    void sameScoresInOtherColumnOrderRowOrderAndDecimalFormatAreEqual() throws IOException {
        // Strata writes more columns; they are ignored. 150.0 and 150.00 are the same amount.
        ScoreComparison result = compare(DUCKDB, """
                customer_id,segment,m_score,f_score,r_score,monetary,frequency,recency_days,tier
                B,Loyal,3,3,2,50,2,5,Gold
                A,Champions,4,3,3,150.0,2,1,Gold
                """);
        assertThat(result.equal()).isTrue();
        assertThat(result.customersA).isEqualTo(2);
        assertThat(result.customersB).isEqualTo(2);
    }

    @Test
    void countsMismatchesPerColumn() throws IOException {
        ScoreComparison result = compare(DUCKDB, """
                customer_id,recency_days,frequency,monetary,r_score,f_score,m_score
                A,1,2,150.01,3,3,5
                B,6,2,50.00,2,3,4
                """);
        assertThat(result.equal()).isFalse();
        assertThat(result.count("monetary")).isEqualTo(1);
        assertThat(result.count("m_score")).isEqualTo(2);
        assertThat(result.count("recency_days")).isEqualTo(1);
        assertThat(result.count("frequency")).isZero();
    }

    @Test
    void customersMissingOnEitherSideOrDuplicatedAreMismatches() throws IOException {
        ScoreComparison result = compare(DUCKDB, """
                customer_id,recency_days,frequency,monetary,r_score,f_score,m_score
                A,1,2,150.00,3,3,4
                A,1,2,150.00,3,3,4
                C,5,2,50.00,2,3,3
                """);
        assertThat(result.count("only in A")).isEqualTo(1);
        assertThat(result.count("only in B")).isEqualTo(1);
        assertThat(result.count("duplicate in B")).isEqualTo(1);
        assertThat(result.equal()).isFalse();
    }

    @Test
    void missingColumnIsNamed() {
        assertThatThrownBy(() -> compare(DUCKDB, "customer_id,recency_days,frequency,monetary,r_score\nA,1,2,3,4\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[f_score, m_score]");
    }

    @Test
    void nonNumberNamesLineAndColumn() {
        assertThatThrownBy(() -> compare(DUCKDB, """
                customer_id,recency_days,frequency,monetary,r_score,f_score,m_score
                A,1,2,150.00,3,3,4
                B,5,2,NaN,2,3,3
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("monetary");
    }

    @Test
    void shortLineNamesLine() {
        assertThatThrownBy(() -> compare(DUCKDB, """
                customer_id,recency_days,frequency,monetary,r_score,f_score,m_score
                A,1,2
                """))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> compare(DUCKDB, "")).hasMessageContaining("empty file");
    }

    private ScoreComparison compare(String a, String b) throws IOException {
        return CompareScores.compare(Files.writeString(dir.resolve("a.csv"), a),
                Files.writeString(dir.resolve("b.csv"), b));
    }
}
