package org.onecampus.workflow.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.Forms.FormVersion;
import org.onecampus.workflow.PrefillProvider;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.internal.codesets.CodeSetValues;
import org.onecampus.workflow.internal.files.UploadedFiles;
import org.onecampus.workflow.internal.files.UploadedFiles.StoredFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;

/** Submission validation over a form with every widget (fixture {@code workflow/every-widget-form.json}). */
class SubmissionValidationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID APPLICANT = UUID.randomUUID();

	private static final UUID SOMEONE_ELSE = UUID.randomUUID();

	private static final UUID KNOWN_PERSON = UUID.randomUUID();

	private static final UUID KNOWN_UNIT = UUID.randomUUID();

	private final Map<UUID, StoredFile> stored = new HashMap<>();

	private final Set<UUID> marked = new HashSet<>();

	private CompiledForm form;

	private SubmissionValidation validation;

	@BeforeEach
	void setUp() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/workflow/every-widget-form.json")) {
			JsonNode definition = JSON.readTree(in);
			assertThat(DefinitionCheck.check(definition.get("schema"), definition.get("layout"))).isEmpty();
			form = CompiledForm.of(new FormVersion("every-widget", 1, Map.of("zh-CN", "全部控件", "en-US", "All widgets"),
					definition.get("schema"), definition.get("layout"), Instant.now()));
		}
		UploadedFiles files = new UploadedFiles(null) {
			@Override
			public List<StoredFile> find(Collection<UUID> ids) {
				return ids.stream().map(stored::get).filter(f -> f != null).toList();
			}

			@Override
			public void markReferenced(Collection<UUID> ids) {
				marked.addAll(ids);
			}
		};
		PrefillProvider profile = new PrefillProvider() {
			@Override
			public String namespace() {
				return "profile";
			}

			@Override
			public Map<String, PrefilledValue> values(UUID personId, Set<String> names) {
				return Map.of("name", new PrefilledValue("李明轩", "profile.name", Instant.now(), true));
			}
		};
		// the every-widget form binds no code set (CodeSetsIntegrationTests covers code-set fields)
		CodeSetValues noCodeSets = new CodeSetValues() {
			@Override
			public boolean exists(String key) {
				return false;
			}

			@Override
			public Map<String, Set<String>> enabledValues(Collection<String> keys) {
				return Map.of();
			}
		};
		validation = new SubmissionValidation(new Directory(), files, new Prefills(List.of(profile)), JSON, noCodeSets);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private UUID uploaded(String name, long size, UUID by) {
		UUID id = UUID.randomUUID();
		stored.put(id, new StoredFile(id, name, size, "application/pdf", "0".repeat(64), "x", by, Instant.now(), null));
		return id;
	}

	private Map<String, Object> valid() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("title", "报销");
		data.put("body", "正文内容");
		data.put("count", 3);
		data.put("price", 12.5);
		data.put("day", "2026-11-24");
		data.put("at", "2026-11-24T09:30:00+08:00");
		data.put("period", List.of("2026-11-24", "2026-11-26"));
		data.put("kind", "a");
		data.put("size", "m");
		data.put("tags", List.of("x", "z"));
		data.put("who", KNOWN_PERSON.toString());
		data.put("unit", KNOWN_UNIT.toString());
		data.put("docs", List.of(new HashMap<>(Map.of("id", uploaded("a.pdf", 1000, APPLICANT).toString()))));
		data.put("photos", List.of(new HashMap<>(Map.of("id", uploaded("p.png", 1000, APPLICANT).toString()))));
		data.put("sign", new HashMap<>(Map.of("id", uploaded("sign.png", 100, APPLICANT).toString())));
		data.put("notes", "<p>好<b>的</b></p>");
		data.put("items", List.of(Map.of("name", "纸", "qty", 2, "amount", 10.5), Map.of("name", "笔", "amount", 3)));
		return data;
	}

	private Map<String, Object> validate(Map<String, Object> data) {
		return validation.validate(form, APPLICANT, null, null, data, true, true);
	}

	private List<FieldProblem> problems(Map<String, Object> data) {
		return problems(() -> validate(data));
	}

	private static List<FieldProblem> problems(Runnable action) {
		try {
			action.run();
		}
		catch (PlatformException ex) {
			assertThat(ex.status().value()).isEqualTo(422);
			return ex.fieldProblems();
		}
		throw new AssertionError("expected 422");
	}

	private static Map<String, String> codes(List<FieldProblem> problems) {
		Map<String, String> out = new LinkedHashMap<>();
		problems.forEach(p -> out.put(p.field(), p.messageCode()));
		return out;
	}

	@Test
	void validDataForEveryWidgetIsAcceptedAndNormalized() {
		Map<String, Object> data = validate(valid());
		assertThat((BigDecimal) data.get("total")).isEqualByComparingTo("24.00");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) data.get("items");
		assertThat((BigDecimal) items.get(0).get("line")).isEqualByComparingTo("21.00");
		assertThat(data.get("name")).isEqualTo("李明轩");
		@SuppressWarnings("unchecked")
		Map<String, Object> doc = ((List<Map<String, Object>>) data.get("docs")).get(0);
		assertThat(doc).containsEntry("name", "a.pdf").containsEntry("size", 1000L).containsEntry("contentType",
				"application/pdf");
		assertThat(marked).hasSize(3);
		assertThat(data).doesNotContainKey("intro");
	}

	@ParameterizedTest(name = "{0} = {1} → {2}")
	@CsvSource(delimiter = '|', value = { "title|\"12345678901\"|workflow.form.error.maxLength",
			"body|\"ab\"|workflow.form.error.minLength", "count|0|workflow.form.error.minimum",
			"count|1.5|workflow.form.error.type", "price|1.234|workflow.form.error.multipleOf",
			"day|\"2026-13-01\"|workflow.form.error.format", "at|\"yesterday\"|workflow.form.error.format",
			"period|[\"2026-11-24\"]|workflow.form.error.minItems",
			"period|[\"2026-11-26\", \"2026-11-24\"]|workflow.form.error.daterange",
			"kind|\"c\"|workflow.form.error.enum", "size|\"xl\"|workflow.form.error.enum",
			"tags|[\"x\", \"x\"]|workflow.form.error.uniqueItems", "who|\"not-a-uuid\"|workflow.form.error.format",
			"who|\"8d2c4a3e-0000-4000-8000-000000000001\"|workflow.form.error.person",
			"unit|\"8d2c4a3e-0000-4000-8000-000000000002\"|workflow.form.error.org",
			"sign|\"drawn\"|workflow.form.error.type", "notes|42|workflow.form.error.type",
			"items|[]|workflow.form.error.required" })
	void eachWidgetRefusesAWrongValue(String field, String json, String code) {
		Map<String, Object> data = valid();
		data.put(field, JSON.readValue(json, Object.class));
		assertThat(codes(problems(data))).containsEntry(field, code);
	}

	@Test
	void filesMustBeTheSubmittersWithinTheFieldsLimits() {
		Map<String, Object> data = valid();
		data.put("docs", List.of(Map.of("id", uploaded("a.pdf", 1000, SOMEONE_ELSE).toString()),
				Map.of("id", uploaded("b.exe.png", 10, APPLICANT).toString())));
		data.put("photos", List.of(Map.of("id", UUID.randomUUID().toString())));
		assertThat(codes(problems(data))).containsEntry("docs[0]", "workflow.form.error.file")
			.containsEntry("docs[1]", "workflow.form.error.fileType")
			.containsEntry("photos[0]", "workflow.form.error.file");
		data.put("docs", List.of(Map.of("id", uploaded("big.pdf", 2 * 1024 * 1024, APPLICANT).toString())));
		assertThat(codes(problems(data))).containsEntry("docs[0]", "workflow.form.error.fileSize");
	}

	@Test
	void aFileAlreadyInTheInstanceMayBeKeptByAnApprover() {
		Map<String, Object> previous = validate(valid());
		Map<String, Object> edit = new LinkedHashMap<>(previous);
		Map<String, Object> result = validation.validate(form, SOMEONE_ELSE, Map.of("docs", FieldAccess.EDITABLE), previous,
				edit, false, true);
		assertThat(result.get("docs")).isEqualTo(previous.get("docs"));
	}

	@Test
	void requiredAndRequiredWhenFollowTheData() {
		Map<String, Object> data = valid();
		data.remove("title");
		data.put("items", List.of(Map.of("name", "服务器", "amount", 6000)));
		Map<String, String> codes = codes(problems(data));
		assertThat(codes).containsEntry("title", "workflow.form.error.required")
			.containsEntry("why", "workflow.form.error.required")
			.containsEntry("items[0].reason", "workflow.form.error.required");
	}

	@Test
	void aFieldWhoseVisibleWhenIsFalseIsDropped() {
		Map<String, Object> data = valid();
		data.put("secret", "不该保存");
		assertThat(validate(data)).doesNotContainKey("secret");
		data.put("kind", "b");
		assertThat(validate(data)).containsEntry("secret", "不该保存");
	}

	@Test
	void computedValuesFromTheClientAreIgnored() {
		Map<String, Object> data = valid();
		data.put("total", 1);
		data.put("items", List.of(Map.of("name", "纸", "amount", 10, "line", 999)));
		Map<String, Object> result = validate(data);
		assertThat((BigDecimal) result.get("total")).isEqualByComparingTo("10");
	}

	@Test
	void aLockedPrefilledValueIsOverwrittenWithTheProvidersValue() {
		Map<String, Object> data = valid();
		data.put("name", "冒名顶替");
		assertThat(validate(data)).containsEntry("name", "李明轩");
	}

	@Test
	void readOnlyAndHiddenFieldsKeepTheirPreviousValues() {
		Map<String, Object> previous = validate(valid());
		Map<String, Object> changed = new LinkedHashMap<>(previous);
		changed.put("title", "改过的标题");
		changed.put("body", "改过的正文");
		changed.put("count", 7);
		Map<String, Object> result = validation.validate(form, SOMEONE_ELSE,
				Map.of("title", FieldAccess.READONLY, "body", FieldAccess.HIDDEN, "count", FieldAccess.EDITABLE), previous,
				changed, false, true);
		assertThat(result).containsEntry("title", "报销").containsEntry("body", "正文内容").containsEntry("count", 7);
		// a key missing from the access map is read-only away from the start node
		assertThat(result.get("kind")).isEqualTo(previous.get("kind"));
	}

	@Test
	void richTextIsSanitized() {
		Map<String, Object> data = valid();
		data.put("notes", "<p onclick=\"x()\">hi<script>alert(1)</script><a href=\"javascript:evil()\">l</a>"
				+ "<a href=\"https://example.edu\">ok</a></p>");
		String notes = (String) validate(data).get("notes");
		assertThat(notes).doesNotContain("script", "onclick", "javascript").contains("<p>hi")
			.contains("href=\"https://example.edu\"");
	}

	@Test
	void subTableErrorsNameTheRowAndColumn() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			rows.add(Map.of("name", "第" + i + "项", "amount", i % 50 == 3 ? -1 : 1));
		}
		Map<String, Object> data = valid();
		data.put("items", rows);
		List<FieldProblem> problems = problems(data);
		assertThat(codes(problems)).containsEntry("items[3].amount", "workflow.form.error.minimum")
			.containsEntry("items[153].amount", "workflow.form.error.minimum");
		FieldProblem third = problems.stream().filter(p -> p.field().equals("items[3].amount")).findFirst().orElseThrow();
		assertThat(third.args()[0]).isEqualTo("明细第4行金额");
		LocaleContextHolder.setLocale(Locale.US);
		FieldProblem english = problems(data).stream().filter(p -> p.field().equals("items[3].amount")).findFirst()
			.orElseThrow();
		assertThat(english.args()[0]).isEqualTo("Items row 4 Amount");
		assertThat(english.args()[1]).isEqualTo("0");
	}

	@Test
	void twoHundredValidRowsAreAccepted() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			rows.add(Map.of("name", "第" + i + "项", "qty", 1, "amount", 2.5));
		}
		Map<String, Object> data = valid();
		data.put("items", rows);
		data.put("why", "批量采购");
		assertThat((BigDecimal) validate(data).get("total")).isEqualByComparingTo("500");
	}

	@Test
	void nothingIsMarkedWhenValidationFails() {
		Map<String, Object> data = valid();
		data.remove("title");
		assertThatThrownBy(() -> validate(data)).isInstanceOf(PlatformException.class);
		assertThat(marked).isEmpty();
	}

	@Test
	void visibleToRemovesHiddenFields() {
		JsonSchemaForms forms = new JsonSchemaForms(null, validation, null);
		Map<String, Object> data = Map.of("a", 1, "b", 2, "c", 3);
		assertThat(forms.visibleTo(Map.of("b", FieldAccess.HIDDEN, "c", FieldAccess.READONLY), data, false))
			.containsOnlyKeys("a", "c");
	}

	/** Persons and units that exist: exactly one of each. */
	private static final class Directory implements PersonProfiles {

		@Override
		public Optional<Profile> profile(UUID personId) {
			return Optional.empty();
		}

		@Override
		public Set<UUID> existingPersons(Collection<UUID> personIds) {
			return personIds.contains(KNOWN_PERSON) ? Set.of(KNOWN_PERSON) : Set.of();
		}

		@Override
		public Set<UUID> existingOrgUnits(Collection<UUID> orgUnitIds) {
			return orgUnitIds.contains(KNOWN_UNIT) ? Set.of(KNOWN_UNIT) : Set.of();
		}

		@Override
		public Optional<UUID> orgUnitIdByCode(String code) {
			return Optional.empty();
		}
	}
}
