package org.onecampus.workflow;

import java.time.Instant;

/**
 * A value offered to fill a form field, with where it came from.
 * @param value the value (String, number, …); may be null when the source has none
 * @param source where it came from, as {@code namespace.name} ({@code profile.college})
 * @param asOf when the source last knew it; not null
 * @param authoritative whether the source is the system of record for it (a locked field takes it as is)
 */
public record PrefilledValue(Object value, String source, Instant asOf, boolean authoritative) {
}
