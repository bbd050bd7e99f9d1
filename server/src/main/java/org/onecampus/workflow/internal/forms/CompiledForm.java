package org.onecampus.workflow.internal.forms;

import java.util.LinkedHashSet;
import java.util.Set;

import com.networknt.schema.Schema;
import org.onecampus.workflow.Forms.FormVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published version ready to validate data: its layout read, and its schema compiled without the top-level
 * {@code required} (required-ness depends on visibleWhen/requiredWhen and field access, so it is checked
 * separately against {@link #required()}).
 */
record CompiledForm(FormVersion version, FormLayout layout, Schema schema, Set<String> required, JsonNode properties,
		boolean usesApplicant) {

	static CompiledForm of(FormVersion version) {
		ObjectNode schema = (ObjectNode) version.schema().deepCopy();
		Set<String> required = new LinkedHashSet<>();
		schema.path("required").values().forEach(r -> required.add(r.asString()));
		schema.remove("required");
		FormLayout layout = FormLayout.of(version.layout());
		boolean applicant = version.layout().toString().contains("applicant.");
		return new CompiledForm(version, layout, SchemaSupport.compile(schema), Set.copyOf(required),
				version.schema().path("properties"), applicant);
	}

	JsonNode property(String key) {
		return properties.get(key);
	}
}
