package nl.partnershipregistry.api.command;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells the sender of a command where its events were stored. The engine lists the commit numbers
 * it stored under the unit of work ({@link MongoEventStorageEngine#STORED_COMMITS}); once the unit
 * of work has committed, this interceptor hands them over in the command's result, a {@link
 * Handled}.
 */
public class StoredCommitsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    Object result = chain.proceed();
    AtomicReference<List<Long>> stored = new AtomicReference<>(List.of());
    unitOfWork.afterCommit(
        committed -> {
          List<Long> commits = committed.root().getResource(MongoEventStorageEngine.STORED_COMMITS);
          if (commits != null) {
            stored.set(List.copyOf(commits));
          }
        });
    return new Handled(result, stored);
  }

  /**
   * A command's result with the commits its unit of work stored; they are known once the unit of
   * work has committed, which is before the sender sees the result.
   */
  public record Handled(Object result, AtomicReference<List<Long>> stored) {

    public List<Long> commits() {
      return stored.get();
    }
  }
}
