package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryHttp.quote;

/**
 * The JSON bodies the load and fault runs send: the web API's command bodies ({@code docs/api.md})
 * and the same commands as import lines ({@code docs/import.md}).
 */
final class Facts {

  private static final String SOURCE =
      "\"source\":{\"document\":\"load run\",\"passage\":\"generated\"}";

  private Facts() {}

  /** {@code RegisterPartnership}, started in 2001. */
  static String registration(String partnershipId) {
    return "{\"partnershipId\":"
        + quote(partnershipId)
        + ",\"factId\":"
        + quote(partnershipId + "-registered")
        + ",\"occurredOn\":\"2001\",\"name\":"
        + quote("Partnership " + partnershipId)
        + ",\"kind\":\"TECHNOHUB\",\"region\":\"Utrecht\",\"sector\":\"technology\""
        + ",\"goal\":\"A generated partnership under load.\","
        + SOURCE
        + "}";
  }

  /** {@code RecordEvaluation}: a fact each time, under a fact id of its own. */
  static String evaluation(String factId) {
    return "{\"factId\":"
        + quote(factId)
        + ",\"occurredOn\":\"2010\",\"evaluator\":\"Load run\""
        + ",\"summary\":\"A generated evaluation of average length for a registry fact.\""
        + ",\"findings\":[\"one finding\"],"
        + SOURCE
        + "}";
  }

  /**
   * {@code AdmitPartner} dated 1999, before the partnerships of {@link #registration} started:
   * refused by the rule {@code FactBeforePartnershipStart} (422), nothing stored.
   */
  static String partnerBeforeStart(String factId) {
    return "{\"factId\":"
        + quote(factId)
        + ",\"occurredOn\":\"1999\",\"organisationId\":\"hitecs\",\"role\":\"CORE\","
        + SOURCE
        + "}";
  }

  /**
   * An import line: {@code body} with the command's {@code type} and, unless the body names it (a
   * registration), the partnership's id.
   */
  static String line(String type, String partnershipId, String body) {
    String named =
        body.startsWith("{\"partnershipId\":")
            ? body.substring(1)
            : "\"partnershipId\":" + quote(partnershipId) + "," + body.substring(1);
    return "{\"type\":\"" + type + "\"," + named;
  }
}
