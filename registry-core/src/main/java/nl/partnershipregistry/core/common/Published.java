package nl.partnershipregistry.core.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a command is offered to the registry's users, written on the command so that a new command is
 * described where it is defined: the collection of facts it adds to (the last part of its web
 * address, {@code commitment-fulfilments}) and what it does, in one sentence. The edges read it to
 * route requests and import lines and to describe the API; a command without it is refused when
 * they start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Published {

  /**
   * The collection of facts the command adds to, in lower case words joined by hyphens; empty for
   * the command that registers its aggregate (posted to the aggregates' collection itself).
   */
  String collection();

  /** What the command records, in one sentence: {@code Records that a commitment was kept.} */
  String summary();
}
