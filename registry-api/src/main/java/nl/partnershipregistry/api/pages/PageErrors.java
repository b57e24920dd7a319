package nl.partnershipregistry.api.pages;

import nl.partnershipregistry.api.problems.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * A page that fails says so in a page, not in the JSON API's problem detail: the same status as the
 * API would answer ({@link Problems} decides it), with words for a person. Comes before the API's
 * advice, for the pages' controllers only.
 */
@ControllerAdvice(
    assignableTypes = {
      RegistryPages.class,
      WelcomePages.class,
      OrganisationPages.class,
      SurvivalPages.class,
      AuditPages.class,
      ImportPages.class,
      DossierPages.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

  @ExceptionHandler(Throwable.class)
  Rendering failed(Throwable failure) {
    ProblemDetail problem = Problems.of(failure);
    HttpStatus status = HttpStatus.valueOf(problem.getStatus());
    return Rendering.view("problem")
        .modelAttribute("ours", status.is5xxServerError())
        .status(status)
        .build();
  }
}
