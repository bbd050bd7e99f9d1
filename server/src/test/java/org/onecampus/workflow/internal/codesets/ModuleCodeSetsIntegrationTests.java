package org.onecampus.workflow.internal.codesets;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.ModuleCodeSets;
import org.onecampus.workflow.ModuleCodeSets.Value;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * A module keeps its own code set through {@link ModuleCodeSets}: created on first use, values upserted in order,
 * a value left out kept disabled, nothing written (nor audited) when nothing changed, another module refused, and
 * the code-set administration refuses to edit an owned set (409) while still showing it.
 */
@IntegrationTest
class ModuleCodeSetsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ModuleCodeSets moduleCodeSets;

	@Autowired
	CodeSets codeSets;

	@Autowired
	JdbcClient jdbc;

	static final Map<String, String> NAME = Map.of("zh-CN", "实验室", "en-US", "Labs");

	static Value value(String value, String zh, int sort, boolean enabled) {
		return new Value(value, Map.of("zh-CN", zh, "en-US", value), sort, enabled);
	}

	long audited(String key) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = 'workflow.code-set.replace' and target = :t")
			.param("t", "workflow-code-set:" + key).query(Long.class).single();
	}

	@Test
	void theOwnerReplacesTheValuesAndALeftOutValueStaysDisabled() {
		String key = CodeSetsIntegrationTests.key("labs");
		assertThat(moduleCodeSets.replace(key, "hall", NAME,
				List.of(value("L2", "二号实验室", 2, true), value("L1", "一号实验室", 1, true), value("L3", "三号", 3, false))))
			.isTrue();
		CodeSets.CodeSet created = codeSets.find(key).orElseThrow();
		assertThat(created.owner()).isEqualTo("hall");
		assertThat(created.items()).extracting(CodeSets.Item::value).containsExactly("L1", "L2", "L3");
		assertThat(codeSets.enabledValues(List.of(key)).get(key)).containsExactlyInAnyOrder("L1", "L2");
		assertThat(audited(key)).isEqualTo(1);

		assertThat(moduleCodeSets.replace(key, "hall", NAME,
				List.of(value("L1", "一号实验室", 1, true), value("L2", "二号实验室", 2, true), value("L3", "三号", 3, false))))
			.as("unchanged").isFalse();
		assertThat(audited(key)).isEqualTo(1);

		assertThat(moduleCodeSets.replace(key, "hall", NAME,
				List.of(value("L1", "一号实验室（新）", 1, true), value("L3", "三号", 3, true), value("L4", "四号", 4, true))))
			.isTrue();
		CodeSets.CodeSet after = codeSets.find(key).orElseThrow();
		assertThat(after.items()).extracting(CodeSets.Item::value).containsExactly("L1", "L2", "L3", "L4");
		assertThat(after.items().get(0).label().get("zh-CN")).isEqualTo("一号实验室（新）");
		assertThat(after.items().get(1).enabled()).as("left out: kept, disabled").isFalse();
		assertThat(codeSets.enabledValues(List.of(key)).get(key)).isEqualTo(Set.of("L1", "L3", "L4"));
		assertThat(audited(key)).isEqualTo(2);
	}

	@Test
	void anOwnedSetIsNotEditedByHandNorTakenOverByAnotherModule() {
		String key = CodeSetsIntegrationTests.key("owned");
		moduleCodeSets.replace(key, "hall", NAME, List.of());
		assertThat(codeSets.find(key).orElseThrow().items()).isEmpty();
		assertThatThrownBy(() -> moduleCodeSets.replace(key, "datahub", NAME, List.of(value("X1", "甲", 1, true))))
			.isInstanceOfSatisfying(PlatformException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo("workflow.code-set.owned"));

		ApiClient designer = new ApiClient(port).signIn("intl001", IntegrationTest.DEMO_PASSWORD);
		assertProblem(designer.putJson("/api/v1/workflow/code-sets/" + key,
				CodeSetsIntegrationTests.codeSet(key, CodeSetsIntegrationTests.item("X1", "甲", 1, true))), 409,
				"workflow.code-set.owned");
		assertThat(designer.get("/api/v1/workflow/code-sets/" + key).json().get("owner").asString()).isEqualTo("hall");
		assertThat(codeSets.find(key).orElseThrow().items()).isEmpty();
	}

	@Test
	void malformedValuesAreRefusedWholly() {
		String key = CodeSetsIntegrationTests.key("bad");
		assertThatThrownBy(() -> moduleCodeSets.replace(key, "hall", NAME,
				List.of(value("ok", "好", 1, true), value("not ok!", "坏", 2, true))))
			.isInstanceOfSatisfying(PlatformException.class, ex -> assertThat(ex.fieldProblems())
				.extracting(PlatformException.FieldProblem::field).containsExactly("items[1].value"));
		assertThat(codeSets.find(key)).isEmpty();
	}
}
