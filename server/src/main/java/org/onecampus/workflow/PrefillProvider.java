package org.onecampus.workflow;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SPI: a source of prefill values for form fields bound as {@code "prefill": {"source": "<namespace>.<name>"}}.
 * {@code profile} (identity, now) is built in; the data hub adds its own namespace later. Implementations are
 * Spring beans; namespaces are unique.
 */
public interface PrefillProvider {

	/** @return the namespace, the part before the first dot of a field's prefill source */
	String namespace();

	/**
	 * @param personId the person the form is for; not null
	 * @param names the names wanted (the part after the namespace); never null
	 * @return the values known, by name; names the provider does not know or has no value for are left out
	 */
	Map<String, PrefilledValue> values(UUID personId, Set<String> names);
}
