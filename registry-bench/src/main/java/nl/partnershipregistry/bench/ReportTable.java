package nl.partnershipregistry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a run against the executable jar (scenario, measure, figure), each printed as it is
 * measured and all of them again at the end under the machine and the run's command, as one
 * Markdown table to copy into {@code docs/benchmarks.md}.
 */
final class ReportTable {

  private final List<String> rows = new ArrayList<>();

  void row(String scenario, String measure, String figure) {
    String line = "| " + scenario + " | " + measure + " | " + figure + " |";
    rows.add(line);
    System.out.println(line);
  }

  /** The machine, what was run ({@code heading}), then every row. */
  void print(String heading) {
    System.out.println();
    System.out.println(RegistryBenchmark.machine());
    System.out.println(heading);
    System.out.println("| scenario | measure | figure |\n|---|---|---|");
    rows.forEach(System.out::println);
  }
}
