package org.onecampus.workflow;

import java.time.Instant;

/** A prefilled form value with where it came from and when. */
public record PrefilledValue(Object value, String source, Instant asOf, boolean authoritative) {
}
