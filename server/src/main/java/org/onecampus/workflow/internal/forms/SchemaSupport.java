package org.onecampus.workflow.internal.forms;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * networknt's JSON Schema 2020-12 validator: compiles form schemas, checks them against the 2020-12 meta-schema
 * (bundled in the library; nothing is fetched over the network) and validates data with format assertions on.
 */
final class SchemaSupport {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

	private SchemaSupport() {
	}

	/** @throws RuntimeException when the schema cannot be compiled */
	static Schema compile(JsonNode schema) {
		Schema compiled = REGISTRY.getSchema(schema);
		compiled.initializeValidators();
		return compiled;
	}

	static List<Error> validate(Schema schema, JsonNode data) {
		return schema.validate(data, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
	}

	/** Problems of the schema document itself, at {@code schema.<path>}. */
	static List<FieldProblem> metaSchemaProblems(JsonNode schema) {
		List<FieldProblem> problems = new ArrayList<>();
		try {
			for (Error error : validate(REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)), schema)) {
				problems.add(new FieldProblem(dotted("schema", error.getInstanceLocation()),
						"workflow.form.definition.schema", error.getMessage()));
			}
			if (problems.isEmpty()) {
				compile(schema);
			}
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem("schema", "workflow.form.definition.schema", String.valueOf(ex.getMessage())));
		}
		return problems;
	}

	/** {@code items[3].amount} style path of an instance location, under an optional prefix. */
	static String dotted(String prefix, NodePath path) {
		StringBuilder out = new StringBuilder(prefix == null ? "" : prefix);
		for (int i = 0; i < path.getNameCount(); i++) {
			Object element = path.getElement(i);
			if (element instanceof Integer index) {
				out.append('[').append(index).append(']');
			}
			else {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(element);
			}
		}
		return out.toString();
	}
}
