package nl.partnershipregistry.core.partnership;

import java.util.List;
import java.util.function.BiFunction;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Sends every command that records a fact about a registered partnership to the aggregate's one
 * handler for them ({@link Partnership#handle(PartnershipCommand)}): such a command is dispatched
 * under the name {@link #RECORD_FACT} instead of its class's name. A registration keeps its own
 * name (its handler creates the aggregate), and so do the corrections and retractions, which are
 * not {@link PartnershipCommand}s. The command's payload is unchanged, so the aggregate's
 * identifier is found on it as before.
 *
 * <p>So a new kind of fact needs no handler of its own: its command is a {@link PartnershipCommand}
 * and the aggregate records the fact it proposes. Register this interceptor on the command bus (the
 * application does) or on a test fixture.
 */
public final class FactCommandRouting implements MessageDispatchInterceptor<CommandMessage<?>> {

  /** The name every fact command of an existing partnership is dispatched under. */
  public static final String RECORD_FACT = PartnershipCommand.class.getName();

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, message) -> routed(message);
  }

  private static CommandMessage<?> routed(CommandMessage<?> message) {
    Object payload = message.getPayload();
    boolean recordsFact =
        payload instanceof PartnershipCommand && !(payload instanceof RegisterPartnership);
    if (!recordsFact || !message.getCommandName().equals(message.getPayloadType().getName())) {
      return message;
    }
    return new GenericCommandMessage<>(message, RECORD_FACT);
  }
}
