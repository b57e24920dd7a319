package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * The embedded server's file backend, made to keep what it acknowledges: H2's store otherwise
 * writes changes to its file about once a second, so a process killed right after an acknowledged
 * append could lose it. Here every write command is committed to the file before its reply goes
 * out. The file is not forced to the disk, so the guarantee covers a killed process, not a power
 * cut.
 */
final class DurableH2Backend extends H2Backend {

  private static final Set<String> WRITES =
      Set.of(
          "insert",
          "update",
          "delete",
          "findandmodify",
          "createindexes",
          "dropindexes",
          "drop",
          "dropdatabase",
          "create");

  DurableH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    Document reply = super.handleCommand(channel, database, command, query);
    if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
      commit();
    }
    return reply;
  }
}
