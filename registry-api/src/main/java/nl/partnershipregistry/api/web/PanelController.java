package nl.partnershipregistry.api.web;

import java.math.BigDecimal;
import java.util.Map;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.projections.query.panel.FindPanel;
import nl.partnershipregistry.projections.query.panel.Panel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The panel dataset for researchers: one row per partnership per year, each the answers of the
 * other questions for 1 July of that year ({@link FindPanel}), as CSV (a header row, then a line
 * per row, written as the other tables are) or as JSON Lines (one object per row; {@code
 * application/json} gives the same objects as one array). Asked of the query gateway as {@link
 * QueryController} asks: {@code asKnownOn}, {@code afterCommit}, the same refusal while the read
 * models are being filled. See {@code docs/panel.md}.
 */
@RestController
public class PanelController {

  private final QueryController questions;

  public PanelController(QueryController questions) {
    this.questions = questions;
  }

  @GetMapping(path = "/api/analytics/panel", produces = "text/csv")
  public Flux<String> panelCsv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asKnownOn,
      @RequestParam(required = false) String afterCommit) {
    return panel(from, to, asKnownOn, afterCommit)
        .flatMapMany(
            panel ->
                Flux.concat(
                    Flux.just(line(panel.columns().toArray())),
                    Flux.fromIterable(panel.rows())
                        .map(row -> line(panel.columns().stream().map(row::get).toArray()))));
  }

  @GetMapping(
      path = "/api/analytics/panel",
      produces = {"application/x-ndjson", "application/json"})
  public Flux<Map<String, Object>> panelLines(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asKnownOn,
      @RequestParam(required = false) String afterCommit) {
    return panel(from, to, asKnownOn, afterCommit)
        .flatMapMany(panel -> Flux.fromIterable(panel.rows()).map(Panel.Row::cells));
  }

  private Mono<Panel> panel(String from, String to, String asKnownOn, String afterCommit) {
    Moment at = new Moment(null, asKnownOn, afterCommit);
    return questions.after(
        at,
        () ->
            questions.ask(
                Parameters.query(
                    () -> new FindPanel(year("from", from), year("to", to), at.known())),
                Panel.class));
  }

  /** A year given as a parameter, or null. */
  static Integer year(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, "must be a year, such as 2007");
    }
  }

  /** One CSV line of the values, in the form the other tables use (decimals in plain notation). */
  private static String line(Object[] values) {
    String[] fields = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      fields[i] =
          value == null
              ? null
              : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
    return new Csv(fields).toString();
  }
}
