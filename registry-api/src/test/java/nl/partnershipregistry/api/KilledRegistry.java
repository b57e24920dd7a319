package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The registry started in a process of its own on a data folder and killed with SIGKILL. */
public final class KilledRegistry {

  private KilledRegistry() {}

  /** A process running {@code main} with this JVM and the tests' class path. */
  static ProcessBuilder java(Class<?> main, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command);
  }

  /**
   * Starts the registry on the data folder with its demo import of a first start, and kills it with
   * SIGKILL the given time after it logged a line containing {@code line}.
   */
  public static void killAfter(Path dataDir, String line, Duration delay) throws Exception {
    Path errors = Files.createTempFile(dataDir.getParent(), "registry", ".err");
    Process registry =
        java(
                RegistryApplication.class,
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
