package strata.server.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every request that takes a second connection from the pool while it holds one (a query run inside another
 * query's row mapper, say). Such a request deadlocks the server under load: when every connection is held by a
 * request waiting for its second, none is ever returned, and each waits out the pool's timeout and fails (found by a
 * fixed-rate load of customer lookups at 1M customers, bench/README.md "Fixed rate at 1M"). Import it into a test that
 * walks the API and assert {@link #seen()} empty. Only request threads count: a run deliberately reads on one
 * connection while it writes on another.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NestedConnections {
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

  /** Where a request took a second connection: its thread and Strata's frames. */
  public static List<String> seen() {
    return List.copyOf(SEEN);
  }

  /** Forgets what was seen (the record is the JVM's, shared by the test classes that import this). */
  public static void reset() {
    SEEN.clear();
  }

  @Bean
  static BeanPostProcessor countConnectionsPerRequest() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
      }
    };
  }

  private static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection c) {
      int[] held = HELD.get();
      if (++held[0] > 1 && Thread.currentThread().getName().contains("-exec-")) {
        SEEN.add(Thread.currentThread().getName() + " holds " + held[0] + " connections at "
            + Arrays.stream(new Throwable().getStackTrace()).map(StackTraceElement::toString)
                .filter(f -> f.startsWith("strata.") && !f.startsWith("strata.server.testing.")).limit(8).collect(Collectors.joining(" < ")));
      }
      boolean[] closed = {false};
      InvocationHandler h = (proxy, method, args) -> {
        if (method.getName().equals("close") && !closed[0]) {
          closed[0] = true;
          held[0]--;
        }
        try {
          return method.invoke(c, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          h);
    }
  }
}
