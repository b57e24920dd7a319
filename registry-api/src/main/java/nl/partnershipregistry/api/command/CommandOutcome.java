package nl.partnershipregistry.api.command;

import java.util.List;

/**
 * What became of an accepted command: the aggregate it addressed and the commit numbers its events
 * were stored under. No commits means the fact was already recorded, exactly so (a repeated
 * command): nothing changed.
 */
public record CommandOutcome(
    CommandCatalogue command, String aggregateId, String factId, List<Long> commits) {

  public CommandOutcome {
    commits = List.copyOf(commits);
  }

  /** Whether the command stored anything. */
  public boolean changed() {
    return !commits.isEmpty();
  }

  /** The last commit stored, or -1 when nothing was stored. */
  public long lastCommit() {
    return commits.isEmpty() ? -1 : commits.get(commits.size() - 1);
  }

  /** Where the aggregate can be read: {@code /api/partnerships/stbk}. */
  public String location() {
    return command.target().collection() + "/" + aggregateId;
  }
}
