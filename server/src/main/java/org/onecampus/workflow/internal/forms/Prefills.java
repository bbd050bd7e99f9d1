package org.onecampus.workflow.internal.forms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.workflow.PrefillProvider;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.internal.forms.FormLayout.Field;

import org.springframework.stereotype.Component;

/** The registry of {@link PrefillProvider}s by namespace, and prefill of a form's bound fields. */
@Component
class Prefills {

	private final Map<String, PrefillProvider> providers = new HashMap<>();

	Prefills(List<PrefillProvider> providers) {
		for (PrefillProvider provider : providers) {
			if (this.providers.put(provider.namespace(), provider) != null) {
				throw new IllegalStateException("two prefill providers for namespace " + provider.namespace());
			}
		}
	}

	boolean knows(String source) {
		int dot = source == null ? -1 : source.indexOf('.');
		return dot > 0 && providers.containsKey(source.substring(0, dot));
	}

	/** @return field key → prefilled value, for the fields (top level) bound to a source that knows a value */
	Map<String, PrefilledValue> values(FormLayout layout, UUID personId) {
		Map<String, Set<String>> wanted = new LinkedHashMap<>();
		for (Field f : layout.fields()) {
			if (f.prefillSource() != null && knows(f.prefillSource())) {
				String[] parts = f.prefillSource().split("\\.", 2);
				wanted.computeIfAbsent(parts[0], k -> new LinkedHashSet<>()).add(parts[1]);
			}
		}
		Map<String, PrefilledValue> bySource = new HashMap<>();
		wanted.forEach((namespace, names) -> providers.get(namespace).values(personId, names)
			.forEach((name, value) -> bySource.put(namespace + "." + name, value)));
		Map<String, PrefilledValue> out = new LinkedHashMap<>();
		for (Field f : layout.fields()) {
			PrefilledValue value = f.prefillSource() == null ? null : bySource.get(f.prefillSource());
			if (value != null && value.value() != null) {
				out.put(f.key(), value);
			}
		}
		return out;
	}
}
