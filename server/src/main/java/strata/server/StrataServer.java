package strata.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import strata.server.backup.BackupCommands;

/**
 * The Strata service: {@code java -jar strata-server.jar [--demo] [--strata.data=DIR] [--server.port=N]}; with
 * {@code backup} or {@code restore} first, the operator's commands of {@link BackupCommands} instead.
 */
@SpringBootApplication
@EnableScheduling
public class StrataServer {
  public static void main(String[] args) {
    if (BackupCommands.handles(args)) System.exit(BackupCommands.run(args, System.out, System.err));
    SpringApplication.run(StrataServer.class, withDemoFlag(args));
  }

  /**
   * {@code --demo} is a flag, not a Spring property: it turns into {@code --strata.demo=true}, with the demo's
   * known admin password unless one is given (the demo is for trying Strata out, never for real data), and churn_prob
   * and clusters computed by its runs unless set, so its customer pages show them.
   */
  static String[] withDemoFlag(String[] args) {
    List<String> out = new ArrayList<>();
    boolean demo = false;
    boolean password = false;
    boolean data = false;
    boolean churn = false;
    boolean clusters = false;
    for (String a : args) {
      demo |= a.equals("--demo");
      churn |= a.startsWith("--strata.runs.churn=");
      clusters |= a.startsWith("--strata.runs.clusters=");
      password |= a.startsWith("--strata.admin.password=");
      if (a.startsWith("--strata.data=")) {
        // H2 refuses file paths relative to the working directory; make the data folder absolute.
        a = "--strata.data=" + java.nio.file.Path.of(a.substring("--strata.data=".length())).toAbsolutePath();
        data = true;
      }
      out.add(a.equals("--demo") ? "--strata.demo=true" : a);
    }
    if (!data) out.add("--strata.data=" + java.nio.file.Path.of("strata-data").toAbsolutePath());
    if (demo && !password) out.add("--strata.admin.password=strata-demo");
    if (demo && !churn) out.add("--strata.runs.churn=true");
    if (demo && !clusters) out.add("--strata.runs.clusters=true");
    return out.toArray(String[]::new);
  }
}
