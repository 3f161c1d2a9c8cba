package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Spark writes a persisted part to disk with its own Kryo (4, kryo-shaded) when memory runs short. XGBoost's Kryo 5
 * in the same package, once on the job's class path, made that fail with a NoSuchMethodError, so the 100M-row run
 * died at its first spill while smaller ones never spilled.
 */
class SparkKryoTest {
  @Test
  void sparksKryoWritesAndReadsBack() {
    SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();
    @SuppressWarnings("unchecked")
    ClassTag<long[]> tag = (ClassTag<long[]>) (ClassTag<?>) ClassTag$.MODULE$.apply(long[].class);
    ByteBuffer bytes = kryo.serialize(new long[] {3, 1, 4}, tag);
    long[] back = kryo.deserialize(bytes, tag);
    assertThat(back).containsExactly(3, 1, 4);
  }
}
