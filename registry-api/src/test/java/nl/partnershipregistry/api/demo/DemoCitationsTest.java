package nl.partnershipregistry.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every passage the demo dataset cites is in its source document, word for word: the passage is cut
 * at the separators {@code docs/demo-data.md} documents (";" between pieces taken from different
 * places, "..." where words are left out, ": " between a list's heading and its item), and every
 * piece is looked for in the cited seed file, with runs of white space as one space and curly
 * quotes as straight ones; nothing else is forgiven (case and spelling count).
 *
 * <p>The five source documents are not part of the project: they are read from the folder named by
 * the system property {@code registry.seeds}, or else from {@code shared/seeds} beside the
 * project's folder. Where neither exists the test is skipped and says why.
 */
class DemoCitationsTest {

  private static final String DATASET = "/demo/partnerships.jsonl";
  private static final Pattern PIECES = Pattern.compile("\\s*(?:;|\\.\\.\\.|…)\\s*");
  private static final Pattern LIST_ITEM = Pattern.compile(": ");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void every_cited_passage_is_found_word_for_word_in_its_source_document() throws IOException {
    Path seeds = seeds();
    assumeTrue(
        seeds != null,
        "the source documents are not beside the project (shared/seeds, or -Dregistry.seeds)");
    Map<String, String> documents = new HashMap<>();
    List<String> notFound = new ArrayList<>();
    int cited = 0;
    int number = 0;
    for (String line : lines()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode command = json.readTree(line);
      JsonNode source =
          command.has("source") ? command.get("source") : command.path("replacement").get("source");
      if (source == null || source.isNull()) {
        continue;
      }
      cited++;
      String document = source.get("document").asText();
      String passage = source.get("passage").asText();
      String text =
          documents.computeIfAbsent(
              document,
              name -> {
                Path file = seeds.resolve(name);
                try {
                  return Files.isRegularFile(file)
                      ? normalised(Files.readString(file, StandardCharsets.UTF_8))
                      : null;
                } catch (IOException e) {
                  throw new IllegalStateException(file + " cannot be read", e);
                }
              });
      if (text == null) {
        notFound.add("line " + number + ": no source document " + document);
        continue;
      }
      for (String piece : PIECES.split(passage)) {
        if (!piece.isBlank() && !found(piece, text)) {
          notFound.add("line " + number + " (" + document + "): \"" + piece + "\"");
        }
      }
    }

    assertThat(cited).as("lines that cite a source").isGreaterThan(300);
    assertThat(notFound).as("passages not found word for word in their source").isEmpty();
  }

  @Test
  void the_check_finds_a_changed_word_and_forgives_only_the_documented_separators() {
    String text =
        normalised("Er zijn 8 primaire partners;\n 2 hbo instellingen (NHL, VHL)\n– DAF trucks");

    assertThat(found("Er zijn 8 primaire partners", text)).isTrue();
    assertThat(found("2 hbo   instellingen (NHL, VHL)", text)).isTrue();
    assertThat(found("Er zijn 8 primaire partners: DAF trucks", text)).isTrue();
    assertThat(found("DAF Trucks", text)).as("case counts").isFalse();
    assertThat(found("Er zijn 9 primaire partners", text)).isFalse();
    assertThat(PIECES.split("primaire partners ... DAF trucks; NHL")).hasSize(3);
  }

  /** The piece as a whole, or as a list's heading and item, each word for word. */
  private static boolean found(String piece, String text) {
    if (text.contains(normalised(piece))) {
      return true;
    }
    String[] parts = LIST_ITEM.split(piece);
    if (parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (!part.isBlank() && !text.contains(normalised(part))) {
        return false;
      }
    }
    return true;
  }

  private static String normalised(String text) {
    String straight =
        text.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201c', '"')
            .replace('\u201d', '"')
            .replace('\u201e', '"');
    return SPACE.matcher(straight).replaceAll(" ").strip();
  }

  /** The folder of the source documents, or null where it is not to be found. */
  private static Path seeds() {
    String property = System.getProperty("registry.seeds");
    if (property != null && !property.isBlank()) {
      return Files.isDirectory(Path.of(property)) ? Path.of(property) : null;
    }
    // From the module's folder or the project's, up to the folder that holds the project.
    Path folder = Path.of("").toAbsolutePath();
    for (int up = 0; up < 3 && folder != null; up++, folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("seeds");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private List<String> lines() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(DATASET), DATASET),
                StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }
}
