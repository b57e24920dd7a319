package nl.partnershipregistry.api.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.organisation.OrganisationCommand;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RetractFact;

/**
 * Every command the registry accepts from outside, once: its name (the {@code type} of an import
 * line), its class, the aggregate it addresses, and its web address. The web edge, the import and
 * the API description all read this table.
 *
 * <p>It is read from the commands themselves: every command of the sealed {@link
 * PartnershipCommand} and {@link OrganisationCommand} hierarchies, and the corrections and
 * retractions, in the order their hierarchies list them, each with the collection and summary its
 * {@link Published} annotation gives. A new command is therefore offered on the web, in the import
 * and in the API description without a line here; one without the annotation, or with a collection
 * another command of its aggregate already uses, stops the application from starting.
 */
public final class CommandCatalogue {

  /** Where the commands are found: sealed hierarchies are walked, the others taken as they are. */
  private static final List<Class<?>> ROOTS =
      List.of(
          PartnershipCommand.class,
          CorrectFact.class,
          RetractFact.class,
          OrganisationCommand.class);

  private static final List<CommandCatalogue> ALL = read(ROOTS);

  /** The aggregates commands address, with their collection path and identifier field. */
  public enum Target {
    PARTNERSHIP("/api/partnerships", "partnershipId"),
    ORGANISATION("/api/organisations", "organisationId");

    private final String collection;
    private final String identifierField;

    Target(String collection, String identifierField) {
      this.collection = collection;
      this.identifierField = identifierField;
    }

    /** The web collection: {@code /api/partnerships}. */
    public String collection() {
      return collection;
    }

    /** The command field that names the aggregate: {@code partnershipId}. */
    public String identifierField() {
      return identifierField;
    }
  }

  private final Class<?> commandClass;
  private final String segment;
  private final String summary;

  private CommandCatalogue(Class<?> commandClass, String segment, String summary) {
    this.commandClass = commandClass;
    this.segment = segment;
    this.summary = summary;
  }

  /** The command's name, as in import lines: {@code RecordCommitment}. */
  public String commandName() {
    return commandClass.getSimpleName();
  }

  public Class<?> commandClass() {
    return commandClass;
  }

  /** The aggregate the command is for, by its type: an organisation's or a partnership's. */
  public Target target() {
    return OrganisationCommand.class.isAssignableFrom(commandClass)
        ? Target.ORGANISATION
        : Target.PARTNERSHIP;
  }

  /** Whether the command creates its aggregate (posted to the collection, not to an item). */
  public boolean registers() {
    return segment.isEmpty();
  }

  /**
   * The web path: {@code /api/partnerships} for a registration, {@code
   * /api/partnerships/{id}/commitments} for the rest.
   */
  public String path() {
    return registers()
        ? target().collection()
        : target().collection() + "/{" + target().identifierField() + "}/" + segment;
  }

  /** The last part of the path of a command on an existing aggregate: {@code commitments}. */
  public String segment() {
    return segment;
  }

  public String summary() {
    return summary;
  }

  /** Every command, in the order of their hierarchies. */
  public static List<CommandCatalogue> values() {
    return ALL;
  }

  /** The entry of one command class. */
  public static CommandCatalogue of(Class<?> commandClass) {
    return ALL.stream()
        .filter(c -> c.commandClass == commandClass)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(commandClass + " is not a command"));
  }

  public static Optional<CommandCatalogue> named(String commandName) {
    return ALL.stream().filter(c -> c.commandName().equals(commandName)).findFirst();
  }

  public static Optional<CommandCatalogue> at(Target target, String segment) {
    return ALL.stream().filter(c -> c.target() == target && c.segment.equals(segment)).findFirst();
  }

  /** The command names, for messages that list what is accepted. */
  public static List<String> names() {
    return ALL.stream().map(CommandCatalogue::commandName).toList();
  }

  @Override
  public String toString() {
    return commandName();
  }

  /** The entries of the commands under these roots; refused when one is not published well. */
  static List<CommandCatalogue> read(List<Class<?>> roots) {
    List<Class<?>> commands = new ArrayList<>();
    roots.forEach(root -> leaves(root, commands));
    List<CommandCatalogue> entries = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    for (Class<?> command : commands) {
      Published published = command.getAnnotation(Published.class);
      if (published == null) {
        throw new IllegalStateException(
            command.getName() + " has no @Published: its web address and summary are unknown");
      }
      CommandCatalogue entry =
          new CommandCatalogue(command, published.collection(), published.summary());
      if (!addresses.add(entry.path())) {
        throw new IllegalStateException(
            command.getName() + " is published at " + entry.path() + ", as another command is");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  private static void leaves(Class<?> type, List<Class<?>> commands) {
    if (type.isSealed()) {
      Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> leaves(sub, commands));
    } else if (!commands.contains(type)) {
      commands.add(type);
    }
  }
}
