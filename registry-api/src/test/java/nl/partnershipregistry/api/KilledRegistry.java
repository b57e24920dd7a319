package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The registry started in a process of its own on a data folder and killed with SIGKILL. */
public final class KilledRegistry {

  private KilledRegistry() {}

  /**
   * Starts the registry on the data folder with its demo import of a first start, and kills it with
   * SIGKILL the given time after it logged a line containing {@code line}.
   */
  public static void killAfter(Path dataDir, String line, Duration delay) throws Exception {
    Path errors = Files.createTempFile(dataDir.getParent(), "registry", ".err");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process registry =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RegistryApplication.class.getName(),
                "--server.port=0",
                "--registry.embedded.mode=file",
                "--registry.embedded.data-dir=" + dataDir,
                "--registry.import.demo=first-start")
            .redirectError(errors.toFile())
            .start();
    boolean seen = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(registry.getInputStream(), StandardCharsets.UTF_8))) {
      String logged;
      while ((logged = out.readLine()) != null) {
        if (logged.contains(line)) {
          seen = true;
          Thread.sleep(delay.toMillis());
          registry.destroyForcibly();
          break;
        }
      }
    } finally {
      registry.destroyForcibly();
      assertThat(registry.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen).as("the registry said: %s", Files.readString(errors)).isTrue();
    assertThat(registry.exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }
}
