package nl.partnershipregistry.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links each stored event of an aggregate to the one before it.
 *
 * <p>The hash is SHA-256, written as 64 lower-case hex digits, over the canonical form of an event:
 * the fields below in this order, each written as its length in UTF-8 bytes in decimal, a colon,
 * the UTF-8 bytes, and a line feed. An absent field is the empty string. {@code docs/hash-chain.md}
 * gives the same rule for readers outside this code.
 *
 * <ol>
 *   <li>the format name {@value #FORMAT}
 *   <li>aggregate identifier
 *   <li>sequence number, in decimal
 *   <li>event identifier
 *   <li>aggregate type
 *   <li>timestamp, ISO-8601 in UTC as stored
 *   <li>payload type
 *   <li>payload revision
 *   <li>payload, as stored (JSON text)
 *   <li>meta-data, as stored (JSON text)
 *   <li>the previous event's hash, or {@link #GENESIS} for an aggregate's first stored event
 * </ol>
 */
public final class HashChain {

  /** Names the canonical form, so that a later form can be told apart. */
  public static final String FORMAT = "partnership-registry-event-v1";

  /** The previous hash of an aggregate's first stored event. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /** The hash of one event, given its stored fields and the hash of the event before it. */
  public static String hash(StoredFields event, String previousHash) {
    MessageDigest digest = sha256();
    for (String field :
        new String[] {
          FORMAT,
          event.aggregateIdentifier(),
          Long.toString(event.sequenceNumber()),
          event.eventIdentifier(),
          event.aggregateType(),
          event.timestamp(),
          event.payloadType(),
          event.payloadRevision(),
          event.payload(),
          event.metaData(),
          previousHash
        }) {
      byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The stored fields of an event that its hash covers. */
  public record StoredFields(
      String aggregateIdentifier,
      long sequenceNumber,
      String eventIdentifier,
      String aggregateType,
      String timestamp,
      String payloadType,
      String payloadRevision,
      String payload,
      String metaData) {}
}
