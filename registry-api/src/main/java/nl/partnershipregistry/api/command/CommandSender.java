package nl.partnershipregistry.api.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends a command read by {@link CommandReader} and reports what was stored. */
public class CommandSender {

  private final CommandGateway gateway;

  public CommandSender(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /** Completes with the outcome, or exceptionally with the domain's refusal. */
  public CompletableFuture<CommandOutcome> send(CommandCatalogue command, Object message) {
    String aggregateId = component(message, command.target().identifierField());
    String factId = component(message, "factId");
    return gateway
        .send(message)
        .thenApply(
            result -> {
              List<Long> commits =
                  result instanceof StoredCommitsInterceptor.Handled handled
                      ? handled.commits()
                      : List.of();
              return new CommandOutcome(command, aggregateId, factId, commits);
            });
  }

  /** The aggregate a command read from {@code command}'s catalogue entry is for. */
  public static String aggregateOf(CommandCatalogue command, Object message) {
    return component(message, command.target().identifierField());
  }

  /** A record component of the command, as text: identifiers print as their value. */
  private static String component(Object message, String name) {
    try {
      return String.valueOf(message.getClass().getMethod(name).invoke(message));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(message.getClass().getSimpleName() + " has no " + name, e);
    }
  }
}
