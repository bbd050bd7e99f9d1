package org.onecampus.workflow.internal.codesets;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What forms need of code sets: whether a set exists and the values it accepts (its enabled items). */
public interface CodeSetValues {

	boolean exists(String key);

	/** @return for each key, the values of its enabled items (empty for an unknown key) */
	Map<String, Set<String>> enabledValues(Collection<String> keys);
}
