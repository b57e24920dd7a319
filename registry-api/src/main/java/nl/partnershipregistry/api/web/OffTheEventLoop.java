package nl.partnershipregistry.api.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking work of a request (a command through the command bus, a question through the query bus,
 * a hash chain's verification, all reading MongoDB with the blocking driver; for the JSON API and
 * the pages alike), run off the event loop and carried out whole even when the client goes away.
 * Reactor's {@code subscribeOn} interrupts the worker thread when the subscriber cancels: a client
 * that closed its connection while its command was being stored interrupted the MongoDB driver
 * inside Axon's unit of work ({@code MongoInterruptedException}), and a unit of work left open on a
 * pooled thread held up the requests that thread served next. Here the work is scheduled once and
 * never disposed, so a cancelled request only drops its answer.
 */
public final class OffTheEventLoop {

  private static final Scheduler WORKERS = Schedulers.boundedElastic();

  private OffTheEventLoop() {}

  /** The work's result, computed on a worker thread that is never interrupted by a cancel. */
  public static <T> Mono<T> call(Callable<T> work) {
    return Mono.fromFuture(
        () -> {
          CompletableFuture<T> result = new CompletableFuture<>();
          WORKERS.schedule(
              () -> {
                try {
                  result.complete(work.call());
                } catch (CompletionException failure) {
                  result.completeExceptionally(
                      failure.getCause() != null ? failure.getCause() : failure);
                } catch (Throwable failure) {
                  result.completeExceptionally(failure);
                }
              });
          return result;
        },
        true);
  }
}
