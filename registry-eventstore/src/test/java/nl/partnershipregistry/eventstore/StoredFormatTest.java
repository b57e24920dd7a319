package nl.partnershipregistry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored documents, field by field and in order, hashes included: stores already written must
 * read the same, so a change of a name in {@link CommitCodec} or of what is hashed fails here. The
 * expected documents are those the engine wrote before it was split into its collaborators.
 */
class StoredFormatTest {

  private static EmbeddedMongo mongo;

  @BeforeAll
  static void startServer() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @Test
  void a_commit_and_a_snapshot_are_stored_as_they_always_were() {
    MongoDatabase database = mongo.newDatabase();
    MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).build();

    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "Partnership",
            "stbk",
            0,
            "registered",
            MetaData.with("by", "registrar"),
            "event-0",
            Instant.parse("2026-11-23T10:15:30.123456Z")),
        new GenericDomainEventMessage<>(
            "Partnership",
            "stbk",
            1,
            "joined",
            MetaData.emptyInstance(),
            "event-1",
            Instant.parse("2026-11-23T10:15:31Z")));
    engine.storeSnapshot(
        new GenericDomainEventMessage<>(
            "Partnership",
            "stbk",
            1,
            "state",
            MetaData.emptyInstance(),
            "snapshot-1",
            Instant.parse("2026-11-24T00:00:00Z")));

    Document commit = database.getCollection(MongoEventStorageEngine.COMMITS).find().first();
    assertThat(commit.keySet()).containsExactly("_id", "committedAt", "events");
    assertThat(commit.get("committedAt")).isInstanceOf(Date.class);
    commit.remove("committedAt");
    assertThat(commit.toJson())
        .isEqualTo(
            """
            {"_id": 0, "events": [\
            {"key": "stbk:0", "eventIdentifier": "event-0", "aggregateIdentifier": "stbk", \
            "sequenceNumber": 0, "type": "Partnership", "timestamp": "2026-11-23T10:15:30.123456Z", \
            "payloadType": "java.lang.String", "payloadRevision": null, \
            "payload": "\\"registered\\"", "metaData": "{\\"by\\":\\"registrar\\"}", \
            "previousHash": "0000000000000000000000000000000000000000000000000000000000000000", \
            "hash": "4d67a3166edc3f572e0fc5231a7832db0c11c105376736521c5ce1a6f26afd4a"}, \
            {"key": "stbk:1", "eventIdentifier": "event-1", "aggregateIdentifier": "stbk", \
            "sequenceNumber": 1, "type": "Partnership", "timestamp": "2026-11-23T10:15:31Z", \
            "payloadType": "java.lang.String", "payloadRevision": null, \
            "payload": "\\"joined\\"", "metaData": "{}", \
            "previousHash": "4d67a3166edc3f572e0fc5231a7832db0c11c105376736521c5ce1a6f26afd4a", \
            "hash": "f7807f915278d74290483896ebc59535e44ef8419161d40af50f13682780f899"}]}""");
    assertThat(database.getCollection(MongoEventStorageEngine.SNAPSHOTS).find().first().toJson())
        .isEqualTo(
            """
            {"_id": "stbk", "aggregateIdentifier": "stbk", "sequenceNumber": 1, \
            "eventIdentifier": "snapshot-1", "type": "Partnership", \
            "timestamp": "2026-11-24T00:00:00Z", "payloadType": "java.lang.String", \
            "payloadRevision": null, "payload": "\\"state\\"", "metaData": "{}"}""");
  }
}
