package nl.partnershipregistry.api.importing;

import java.util.List;

/**
 * What an import did, line by line where it matters.
 *
 * @param lines the lines read, blank ones included
 * @param applied lines whose fact was stored
 * @param unchanged lines whose fact was already recorded, exactly so
 * @param rejected lines refused
 * @param firstCommit the first commit number stored, or null when the import stored nothing
 * @param lastCommit the last commit number stored, or null when the import stored nothing
 * @param rejections the refused lines, in line order: the first {@value #LISTED_AT_MOST} of them
 * @param rejectionsNotListed refused lines beyond those listed, counted in {@code rejected} only
 */
public record ImportReport(
    long lines,
    long applied,
    long unchanged,
    long rejected,
    Long firstCommit,
    Long lastCommit,
    List<Rejection> rejections,
    long rejectionsNotListed) {

  /**
   * Rejections listed in a report at most, so that a huge file of bad lines cannot make a huge
   * report; the counts stay exact.
   */
  public static final int LISTED_AT_MOST = 1_000;

  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  /** Whether every non-blank line was applied or already recorded. */
  public boolean clean() {
    return rejected == 0;
  }

  /**
   * A refused line.
   *
   * @param line its number, from 1
   * @param command the command it names, if it could be read that far
   * @param status the HTTP status the same command would get on its own
   * @param field the offending field, for an invalid line
   * @param rule the broken domain rule, for a refused fact
   * @param problem what is wrong, for a registrar
   */
  public record Rejection(
      long line, String command, int status, String field, String rule, String problem) {}
}
