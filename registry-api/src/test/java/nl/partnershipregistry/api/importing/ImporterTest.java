package nl.partnershipregistry.api.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.InputTooLarge;
import org.junit.jupiter.api.Test;

/**
 * The import's reading of a file as bytes: lines split wherever the pieces of the body end, each
 * line and the whole file bounded. Only lines that cannot be read are fed here, so no command is
 * sent.
 */
class ImporterTest {

  static final int LINE_LIMIT = 100;

  final Importer importer =
      new Importer(
          new CommandReader(LINE_LIMIT),
          null,
          Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
          1_000);

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lines_are_split_where_they_end_whatever_the_pieces_of_the_file() {
    Importer.Run run = importer.start("registrar");

    run.feed(utf8("not json\n{\"type\":\"Plant"));
    run.feed(utf8("Tree\"}\r\n\n[1]"));
    ImportReport report = run.finish();

    assertThat(report.lines()).isEqualTo(4);
    assertThat(report.rejections())
        .extracting(ImportReport.Rejection::line)
        .containsExactly(1L, 2L, 4L);
    assertThat(report.rejections().get(1).field()).isEqualTo("type");
    assertThat(report.rejections().get(1).problem()).contains("'PlantTree' is not a command");
  }

  @Test
  void a_line_longer_than_a_command_is_rejected_as_too_large_and_the_next_is_read() {
    Importer.Run run = importer.start("registrar");

    run.feed(utf8("{\"type\":\"" + "x".repeat(60)));
    run.feed(utf8("x".repeat(60) + "\"}\n{\"type\":\"PlantTree\"}\n"));
    ImportReport report = run.finish();

    assertThat(report.rejections()).hasSize(2);
    assertThat(report.rejections().get(0).status()).isEqualTo(413);
    assertThat(report.rejections().get(0).problem()).contains("at most " + LINE_LIMIT + " bytes");
    assertThat(report.rejections().get(1).field()).isEqualTo("type");
  }

  @Test
  void a_line_that_is_not_utf8_is_rejected_naming_the_field() {
    Importer.Run run = importer.start("registrar");

    run.feed(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
    ImportReport report = run.finish();

    assertThat(report.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.field()).isEqualTo("name");
              assertThat(r.problem()).contains("UTF-8");
              assertThat(r.status()).isEqualTo(400);
            });
  }

  @Test
  void a_file_over_the_import_limit_is_stopped_there_and_refused_with_what_was_done() {
    Importer.Run run = importer.start("registrar");

    assertThat(run.feed(utf8("[1]\n".repeat(200)))).isTrue();
    assertThat(run.feed(utf8("[1]\n".repeat(100)))).isFalse();
    assertThat(run.feed(utf8("[1]\n"))).isFalse();

    assertThatThrownBy(run::finish)
        .isInstanceOf(InputTooLarge.class)
        .hasMessageContaining("1000 bytes")
        .hasMessageContaining("after line 200")
        .hasMessageContaining("200 rejected");
  }

  @Test
  void a_report_lists_the_first_rejections_and_counts_them_all() {
    Importer.Run run =
        new Importer(new CommandReader(), null, Clock.systemUTC(), 1 << 20).start("r");

    for (int i = 0; i < ImportReport.LISTED_AT_MOST + 10; i++) {
      run.feed(utf8("[" + i + "]\n"));
    }
    ImportReport report = run.finish();

    assertThat(report.rejected()).isEqualTo(ImportReport.LISTED_AT_MOST + 10);
    assertThat(report.rejections()).hasSize(ImportReport.LISTED_AT_MOST);
    assertThat(report.rejections().get(ImportReport.LISTED_AT_MOST - 1).line())
        .isEqualTo(ImportReport.LISTED_AT_MOST);
    assertThat(report.rejectionsNotListed()).isEqualTo(10);
  }
}
