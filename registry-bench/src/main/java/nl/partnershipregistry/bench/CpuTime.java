package nl.partnershipregistry.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far, in seconds: by a process of this machine (read from Linux's {@code
 * /proc/<pid>/stat}, user and system time) and by the benchmark itself. Where the benchmark's
 * clients and the registry share two cores, it tells which of them a phase's extra work went to.
 */
final class CpuTime {

  /** Clock ticks a second in {@code /proc}: 100 on Linux as built for this machine. */
  private static final double TICKS = 100;

  private CpuTime() {}

  /** The process's user and system time, or NaN where it cannot be read. */
  static double of(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * CPU time of this process's just-in-time compiler threads ({@code C1 CompilerThread}, {@code C2
   * CompilerThread}, named in {@code /proc/self/task} by their first 15 characters), or NaN where
   * it cannot be read.
   */
  static double ofCompilers() {
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) {
      return Double.NaN;
    }
    long ticks = 0;
    for (File task : tasks) {
      try {
        String stat = Files.readString(task.toPath().resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.contains("CompilerThre")) {
          ticks += ticks(stat);
        }
      } catch (IOException | RuntimeException e) {
        // A thread that ended meanwhile.
      }
    }
    return ticks / TICKS;
  }

  /** User and system time, in clock ticks, of a {@code stat} file of {@code /proc}. */
  private static long ticks(String stat) {
    // The command name, in parentheses, may hold spaces; the fields after it are numbers.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The benchmark's own CPU time. */
  static double ofThisProcess() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }
}
