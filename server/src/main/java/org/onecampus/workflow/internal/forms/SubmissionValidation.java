package org.onecampus.workflow.internal.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.Error;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.FormExpressions;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.internal.codesets.CodeSetValues;
import org.onecampus.workflow.internal.files.UploadedFiles;
import org.onecampus.workflow.internal.files.UploadedFiles.StoredFile;
import org.onecampus.workflow.internal.forms.FormLayout.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The server side of a submission, in the contract's order: field access (read-only and hidden fields keep their
 * previous values), locked prefill overwritten, rich text sanitized, computed fields recomputed, fields whose
 * {@code visibleWhen} is false removed, required-ness (schema + {@code requiredWhen}), the JSON Schema with formats
 * asserted, date ranges, person/org/file references. All problems are collected and thrown at once as a 422 with
 * one entry per field path ({@code items[3].amount}), labels in the caller's language.
 */
@Component
class SubmissionValidation {

	private static final Set<String> KEYWORDS = Set.of("required", "type", "maxLength", "minLength", "maximum",
			"minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "enum", "const", "format", "minItems",
			"maxItems", "uniqueItems", "pattern", "additionalProperties");

	private final PersonProfiles profiles;

	private final UploadedFiles files;

	private final Prefills prefills;

	private final JsonMapper json;

	private final CodeSetValues codeSets;

	SubmissionValidation(PersonProfiles profiles, UploadedFiles files, Prefills prefills, JsonMapper json,
			CodeSetValues codeSets) {
		this.profiles = profiles;
		this.files = files;
		this.prefills = prefills;
		this.json = json;
		this.codeSets = codeSets;
	}

	/**
	 * @param markFiles whether accepted file references are recorded as used (a real submission) or not (a dry run)
	 * @return the normalized data
	 */
	Map<String, Object> validate(CompiledForm form, UUID personId, Map<String, FieldAccess> access,
			Map<String, Object> previous, Map<String, Object> submitted, boolean startNode, boolean markFiles) {
		Run run = new Run(form, personId, access == null ? Map.of() : access, previous == null ? Map.of() : previous,
				submitted == null ? Map.of() : submitted, startNode);
		Map<String, Object> data = run.execute();
		if (!run.problems.isEmpty()) {
			throw PlatformException.invalid(new ArrayList<>(run.problems.values()));
		}
		if (markFiles) {
			files.markReferenced(run.acceptedFiles);
		}
		return data;
	}

	static FieldAccess accessOf(Map<String, FieldAccess> access, String key, boolean startNode) {
		FieldAccess a = access == null ? null : access.get(key);
		return a != null ? a : startNode ? FieldAccess.EDITABLE : FieldAccess.READONLY;
	}

	private final class Run {

		private final CompiledForm form;

		private final UUID personId;

		private final Map<String, FieldAccess> access;

		private final Map<String, Object> previous;

		private final Map<String, Object> submitted;

		private final boolean startNode;

		private final Locale locale = LocaleContextHolder.getLocale();

		private final Map<String, FieldProblem> problems = new LinkedHashMap<>();

		private final Set<UUID> acceptedFiles = new HashSet<>();

		private final Set<String> hidden = new HashSet<>();

		private Map<String, Object> applicant;

		Run(CompiledForm form, UUID personId, Map<String, FieldAccess> access, Map<String, Object> previous,
				Map<String, Object> submitted, boolean startNode) {
			this.form = form;
			this.personId = personId;
			this.access = access;
			this.previous = previous;
			this.submitted = submitted;
			this.startNode = startNode;
		}

		Map<String, Object> execute() {
			Map<String, Object> data = collect();
			overwriteLockedPrefill(data);
			normalizeValues(data);
			compute(data);
			applyVisibility(data);
			checkRequired(data);
			checkSchema(data);
			checkCodeSets(data);
			checkDateRanges(data);
			checkReferences(data);
			return data;
		}

		/** Editable fields from the submission, the others from the previous data; computed fields left empty. */
		private Map<String, Object> collect() {
			Map<String, Object> data = new LinkedHashMap<>();
			for (Field f : form.layout().fields()) {
				if (!f.hasData() || f.widget().equals("computed")) {
					continue;
				}
				Object value = editable(f) ? submitted.get(f.key()) : previous.get(f.key());
				if (!isEmpty(value)) {
					data.put(f.key(), mutableCopy(value));
				}
			}
			return data;
		}

		private boolean editable(Field f) {
			return accessOf(access, f.key(), startNode) == FieldAccess.EDITABLE;
		}

		private void overwriteLockedPrefill(Map<String, Object> data) {
			if (!startNode || form.layout().fields().stream().noneMatch(Field::prefillLocked)) {
				return;
			}
			Map<String, PrefilledValue> values = prefills.values(form.layout(), personId);
			for (Field f : form.layout().fields()) {
				if (f.prefillLocked() && prefills.knows(f.prefillSource()) && editable(f)) {
					PrefilledValue value = values.get(f.key());
					if (value == null) {
						data.remove(f.key());
					}
					else {
						data.put(f.key(), value.value());
					}
				}
			}
		}

		/** Empty values dropped, rich text sanitized, table rows copied into mutable maps. */
		private void normalizeValues(Map<String, Object> data) {
			for (Field f : form.layout().fields()) {
				Object value = data.get(f.key());
				if (f.widget().equals("richtext") && value instanceof String html) {
					data.put(f.key(), RichText.sanitize(html));
				}
				if (f.widget().equals("table") && value instanceof List<?> rows && f.columns() != null) {
					List<Object> copy = new ArrayList<>(rows.size());
					for (Object row : rows) {
						copy.add(row instanceof Map<?, ?> m ? normalizeRow(f, m) : row);
					}
					data.put(f.key(), copy);
				}
			}
		}

		private Map<String, Object> normalizeRow(Field table, Map<?, ?> row) {
			Map<String, Object> out = new LinkedHashMap<>();
			for (Field c : table.columns()) {
				Object value = c.widget().equals("computed") ? null : row.get(c.key());
				if (c.widget().equals("richtext") && value instanceof String html) {
					value = RichText.sanitize(html);
				}
				if (!isEmpty(value)) {
					out.put(c.key(), value);
				}
			}
			return out;
		}

		/** Column computes per row, then top-level computes in layout order (twice, so forward references settle). */
		private void compute(Map<String, Object> data) {
			for (Field f : form.layout().fields()) {
				if (f.widget().equals("table") && f.columns() != null && data.get(f.key()) instanceof List<?> rows) {
					JsonNode itemProperties = form.property(f.key()).path("items").path("properties");
					for (Object r : rows) {
						if (!(r instanceof Map<?, ?>)) {
							continue;
						}
						@SuppressWarnings("unchecked")
						Map<String, Object> row = (Map<String, Object>) r;
						for (Field c : f.columns()) {
							if (c.compute() != null) {
								Map<String, Object> vars = variables(data);
								vars.put("row", row);
								put(row, c.key(), coerce(FormExpressions.evaluate(c.compute(), vars),
										itemProperties.get(c.key())));
							}
						}
					}
				}
			}
			for (int pass = 0; pass < 2; pass++) {
				for (Field f : form.layout().fields()) {
					if (f.widget().equals("computed") && f.compute() != null) {
						put(data, f.key(), coerce(FormExpressions.evaluate(f.compute(), variables(data)),
								form.property(f.key())));
					}
				}
			}
		}

		private void applyVisibility(Map<String, Object> data) {
			Map<String, Object> vars = variables(data);
			for (Field f : form.layout().fields()) {
				if (f.visibleWhen() != null && !FormExpressions.truthy(FormExpressions.evaluate(f.visibleWhen(), vars))) {
					hidden.add(f.key());
					data.remove(f.key());
				}
				if (f.columns() != null && data.get(f.key()) instanceof List<?> rows) {
					for (Object r : rows) {
						if (r instanceof Map<?, ?> row) {
							for (Field c : f.columns()) {
								if (c.visibleWhen() != null && !FormExpressions.truthy(
										FormExpressions.evaluate(c.visibleWhen(), rowVariables(data, row)))) {
									row.remove(c.key());
								}
							}
						}
					}
				}
			}
		}

		private void checkRequired(Map<String, Object> data) {
			Map<String, Object> vars = variables(data);
			for (Field f : form.layout().fields()) {
				if (!f.hasData() || hidden.contains(f.key()) || !editable(f)) {
					continue;
				}
				boolean required = form.required().contains(f.key()) || (f.requiredWhen() != null
						&& FormExpressions.truthy(FormExpressions.evaluate(f.requiredWhen(), vars)));
				if (required && !data.containsKey(f.key()) && !f.widget().equals("computed")) {
					problem(f.key(), "required", f.label(locale));
				}
				if (f.columns() != null && data.get(f.key()) instanceof List<?> rows) {
					for (int i = 0; i < rows.size(); i++) {
						if (rows.get(i) instanceof Map<?, ?> row) {
							for (Field c : f.columns()) {
								if (c.requiredWhen() != null && !row.containsKey(c.key()) && FormExpressions
									.truthy(FormExpressions.evaluate(c.requiredWhen(), rowVariables(data, row)))) {
									problem(f.key() + "[" + i + "]." + c.key(), "required", cellLabel(f, i, c));
								}
							}
						}
					}
				}
			}
		}

		/** Choice fields bound to a code set accept only the set's enabled values (one query for all sets). */
		private void checkCodeSets(Map<String, Object> data) {
			Map<String, Field> bound = new LinkedHashMap<>();
			Map<String, Object> values = new LinkedHashMap<>();
			for (Field f : form.layout().fields()) {
				Object value = data.get(f.key());
				if (f.codeSet() != null) {
					bound.put(f.key(), f);
					values.put(f.key(), value);
				}
				if (f.columns() != null && value instanceof List<?> rows) {
					for (int i = 0; i < rows.size(); i++) {
						for (Field c : f.columns()) {
							if (c.codeSet() != null && rows.get(i) instanceof Map<?, ?> row) {
								String path = f.key() + "[" + i + "]." + c.key();
								bound.put(path, c);
								values.put(path, row.get(c.key()));
							}
						}
					}
				}
			}
			values.values().removeIf(SubmissionValidation::isEmpty);
			if (values.isEmpty()) {
				return;
			}
			Map<String, Set<String>> enabled = codeSets
				.enabledValues(values.keySet().stream().map(p -> bound.get(p).codeSet()).toList());
			values.forEach((path, value) -> {
				Set<String> allowed = enabled.getOrDefault(bound.get(path).codeSet(), Set.of());
				List<?> chosen = value instanceof List<?> list ? list : List.of(value);
				if (chosen.stream().anyMatch(v -> !allowed.contains(String.valueOf(v)))) {
					problem(path, "code-set", labelOf(path));
				}
			});
		}

		private void checkSchema(Map<String, Object> data) {
			JsonNode tree = json.valueToTree(data);
			for (Error error : SchemaSupport.validate(form.schema(), tree)) {
				String path = SchemaSupport.dotted(null, error.getInstanceLocation());
				if (error.getProperty() != null
						&& ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
					path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
				}
				String keyword = KEYWORDS.contains(error.getKeyword()) ? error.getKeyword() : "invalid";
				List<Object> args = new ArrayList<>();
				args.add(labelOf(path));
				args.add(limit(error));
				problem(path, keyword, args.toArray());
			}
		}

		/** The value the failed keyword demands (maxLength 500, format date …), for the message. */
		private Object limit(Error error) {
			JsonNode schemaNode = error.getSchemaNode();
			if (schemaNode == null) {
				return "";
			}
			JsonNode value = schemaNode.isObject() ? schemaNode.get(error.getKeyword()) : schemaNode;
			if (value == null) {
				return "";
			}
			if (value.isArray()) {
				List<String> values = new ArrayList<>();
				value.values().forEach(v -> values.add(v.asString()));
				return String.join(", ", values);
			}
			return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString();
		}

		private void checkDateRanges(Map<String, Object> data) {
			for (Field f : form.layout().fields()) {
				if (f.widget().equals("daterange") && data.get(f.key()) instanceof List<?> range && range.size() == 2
						&& range.get(0) instanceof String from && range.get(1) instanceof String to
						&& from.compareTo(to) > 0 && !problems.containsKey(f.key())) {
					problem(f.key(), "daterange", f.label(locale));
				}
			}
		}

		private void checkReferences(Map<String, Object> data) {
			Map<String, UUID> persons = new LinkedHashMap<>();
			Map<String, UUID> units = new LinkedHashMap<>();
			Map<String, Map<String, Object>> fileRefs = new LinkedHashMap<>();
			Map<String, Field> fileFields = new HashMap<>();
			for (Field f : form.layout().fields()) {
				Object value = data.get(f.key());
				gather(f, f.key(), value, persons, units, fileRefs, fileFields);
				if (f.columns() != null && value instanceof List<?> rows) {
					for (int i = 0; i < rows.size(); i++) {
						if (rows.get(i) instanceof Map<?, ?> row) {
							for (Field c : f.columns()) {
								gather(c, f.key() + "[" + i + "]." + c.key(), row.get(c.key()), persons, units,
										fileRefs, fileFields);
							}
						}
					}
				}
			}
			Set<UUID> knownPersons = profiles.existingPersons(persons.values());
			persons.forEach((path, id) -> {
				if (!knownPersons.contains(id)) {
					problem(path, "person", labelOf(path));
				}
			});
			Set<UUID> knownUnits = profiles.existingOrgUnits(units.values());
			units.forEach((path, id) -> {
				if (!knownUnits.contains(id)) {
					problem(path, "org", labelOf(path));
				}
			});
			checkFiles(data, fileRefs, fileFields);
		}

		private void gather(Field f, String path, Object value, Map<String, UUID> persons, Map<String, UUID> units,
				Map<String, Map<String, Object>> fileRefs, Map<String, Field> fileFields) {
			if (value == null || problems.containsKey(path)) {
				return;
			}
			if (f.widget().equals("person") || f.widget().equals("org")) {
				UUID id = uuid(value);
				if (id != null) {
					(f.widget().equals("person") ? persons : units).put(path, id);
				}
			}
			else if (FormLayout.FILE_WIDGETS.contains(f.widget())) {
				List<?> items = value instanceof List<?> list ? list : List.of(value);
				if (f.maxFiles() != null && items.size() > f.maxFiles()) {
					problem(path, "maxFiles", labelOf(path), f.maxFiles());
				}
				for (int i = 0; i < items.size(); i++) {
					if (items.get(i) instanceof Map<?, ?> m) {
						@SuppressWarnings("unchecked")
						Map<String, Object> ref = (Map<String, Object>) m;
						String itemPath = value instanceof List<?> ? path + "[" + i + "]" : path;
						fileRefs.put(itemPath, ref);
						fileFields.put(itemPath, f);
					}
				}
			}
		}

		private void checkFiles(Map<String, Object> data, Map<String, Map<String, Object>> refs,
				Map<String, Field> fields) {
			if (refs.isEmpty()) {
				return;
			}
			Set<UUID> ids = new HashSet<>();
			refs.values().forEach(ref -> {
				UUID id = uuid(ref.get("id"));
				if (id != null) {
					ids.add(id);
				}
			});
			Map<UUID, StoredFile> stored = new HashMap<>();
			files.find(ids).forEach(f -> stored.put(f.id(), f));
			Set<String> inPrevious = new HashSet<>();
			strings(previous, inPrevious);
			refs.forEach((path, ref) -> {
				UUID id = uuid(ref.get("id"));
				StoredFile file = id == null ? null : stored.get(id);
				if (file == null || !(file.uploadedBy().equals(personId) || inPrevious.contains(id.toString()))) {
					problem(path, "file", labelOf(path));
					return;
				}
				Field f = fields.get(path);
				if (f.maxSizeMb() != null && file.size() > f.maxSizeMb() * 1024L * 1024L) {
					problem(path, "fileSize", labelOf(path), f.maxSizeMb());
					return;
				}
				if (f.accept() != null && !f.accept().isEmpty() && f.accept().stream()
					.noneMatch(ext -> file.name().toLowerCase(Locale.ROOT).endsWith(ext.toLowerCase(Locale.ROOT)))) {
					problem(path, "fileType", labelOf(path), String.join(", ", f.accept()));
					return;
				}
				ref.put("id", file.id().toString());
				ref.put("name", file.name());
				ref.put("size", file.size());
				ref.put("contentType", file.contentType());
				acceptedFiles.add(file.id());
			});
		}

		private Map<String, Object> variables(Map<String, Object> data) {
			Map<String, Object> vars = new HashMap<>(data);
			if (form.usesApplicant()) {
				if (applicant == null) {
					applicant = new HashMap<>();
					profiles.profile(personId).ifPresent(p -> {
						applicant.put("affiliationType", p.affiliationType());
						applicant.put("unit", p.unitId() == null ? null : p.unitId().toString());
					});
				}
				vars.put("applicant", applicant);
			}
			return vars;
		}

		private Map<String, Object> rowVariables(Map<String, Object> data, Object row) {
			Map<String, Object> vars = variables(data);
			vars.put("row", row);
			return vars;
		}

		/** The label of a path: the field's, or for a table cell the table's, the row number and the column's. */
		private String labelOf(String path) {
			int bracket = path.indexOf('[');
			int dot = path.indexOf('.');
			int end = bracket < 0 ? (dot < 0 ? path.length() : dot) : (dot < 0 ? bracket : Math.min(bracket, dot));
			Field f = form.layout().field(path.substring(0, end));
			if (f == null) {
				return path;
			}
			if (f.columns() != null && bracket > 0) {
				int close = path.indexOf(']', bracket);
				int row = Integer.parseInt(path.substring(bracket + 1, close));
				String rest = close + 2 <= path.length() ? path.substring(Math.min(close + 2, path.length())) : "";
				String columnKey = rest.split("[.\\[]")[0];
				Field c = f.column(columnKey);
				return c == null ? f.label(locale) + rowLabel(row) : cellLabel(f, row, c);
			}
			return f.label(locale);
		}

		private String cellLabel(Field table, int row, Field column) {
			return table.label(locale) + rowLabel(row) + column.label(locale);
		}

		private String rowLabel(int row) {
			return "en".equals(locale.getLanguage()) ? " row " + (row + 1) + " " : "第" + (row + 1) + "行";
		}

		private void problem(String path, String keyword, Object... args) {
			problems.putIfAbsent(path, new FieldProblem(path, "workflow.form.error." + keyword, args));
		}
	}

	/** Number results fit the property: rounded to its multipleOf (money: 2 places); strings stay strings. */
	private static Object coerce(Object value, JsonNode property) {
		if (value == null || property == null) {
			return value;
		}
		String type = FormLayout.text(property.get("type"));
		if ("string".equals(type)) {
			return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value instanceof String ? value
					: String.valueOf(value);
		}
		if ("number".equals(type) || "integer".equals(type)) {
			if (!(value instanceof BigDecimal d)) {
				return null;
			}
			JsonNode multipleOf = property.get("multipleOf");
			if (multipleOf != null && multipleOf.isNumber()) {
				d = d.setScale(Math.max(0, multipleOf.decimalValue().stripTrailingZeros().scale()), RoundingMode.HALF_UP);
			}
			return "integer".equals(type) ? d.setScale(0, RoundingMode.HALF_UP) : d;
		}
		return value;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value == null) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}

	static boolean isEmpty(Object value) {
		return value == null || "".equals(value) || (value instanceof Collection<?> c && c.isEmpty());
	}

	private static UUID uuid(Object value) {
		if (!(value instanceof String s)) {
			return null;
		}
		try {
			return UUID.fromString(s);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Maps and lists copied so that normalizing never writes into the caller's (maybe immutable) data. */
	private static Object mutableCopy(Object value) {
		if (value instanceof Map<?, ?> m) {
			Map<String, Object> copy = new LinkedHashMap<>();
			m.forEach((k, v) -> copy.put(String.valueOf(k), mutableCopy(v)));
			return copy;
		}
		if (value instanceof Collection<?> c) {
			List<Object> copy = new ArrayList<>(c.size());
			c.forEach(v -> copy.add(mutableCopy(v)));
			return copy;
		}
		return value;
	}

	private static void strings(Object value, Set<String> out) {
		if (value instanceof String s) {
			out.add(s);
		}
		else if (value instanceof Map<?, ?> m) {
			m.values().forEach(v -> strings(v, out));
		}
		else if (value instanceof Collection<?> c) {
			c.forEach(v -> strings(v, out));
		}
	}
}
