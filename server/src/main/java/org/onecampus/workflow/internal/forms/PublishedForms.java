package org.onecampus.workflow.internal.forms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onecampus.kernel.error.PlatformException;

import org.springframework.stereotype.Component;

/**
 * Published versions, compiled once per node: a published version never changes, so the cache is never stale
 * (and needs no coordination between nodes).
 */
@Component
class PublishedForms {

	private static final int LIMIT = 512;

	private final FormDefinitions definitions;

	private final Map<String, CompiledForm> cache = new ConcurrentHashMap<>();

	PublishedForms(FormDefinitions definitions) {
		this.definitions = definitions;
	}

	/** @throws PlatformException 404 when there is no such version */
	CompiledForm get(String key, int version) {
		String id = key + "@" + version;
		CompiledForm form = cache.get(id);
		if (form == null) {
			form = CompiledForm.of(definitions.version(key, version)
				.orElseThrow(() -> PlatformException.notFound("form", key + " v" + version)));
			if (cache.size() >= LIMIT) {
				cache.clear();
			}
			cache.put(id, form);
		}
		return form;
	}
}
