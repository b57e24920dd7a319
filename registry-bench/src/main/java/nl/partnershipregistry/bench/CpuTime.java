package nl.partnershipregistry.bench;

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
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name, in parentheses, may hold spaces; the fields after it are numbers.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The benchmark's own CPU time. */
  static double ofThisProcess() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }
}
