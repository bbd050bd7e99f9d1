package org.onecampus.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared test vectors of the expression language (the browser's evaluator runs the same file). */
class FormExpressionsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> cases() throws Exception {
		try (InputStream in = FormExpressionsTests.class.getResourceAsStream("/workflow/expression-cases.json")) {
			JsonNode all = JSON.readTree(in);
			List<Arguments> out = new ArrayList<>();
			for (JsonNode c : all) {
				out.add(Arguments.of(c.get("expr").asString(), c.get("vars"), c.get("result")));
			}
			return out.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void evaluatesTheSharedVector(String expr, JsonNode vars, JsonNode expected) {
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = JSON.convertValue(vars, Map.class);
		if (expected.isString() && expected.asString().equals("#error")) {
			assertThatThrownBy(() -> FormExpressions.evaluate(expr, variables))
				.isInstanceOf(FormExpressions.SyntaxException.class);
			return;
		}
		Object actual = FormExpressions.evaluate(expr, variables);
		if (expected.isNumber()) {
			assertThat(actual).isInstanceOf(BigDecimal.class);
			assertThat((BigDecimal) actual).isEqualByComparingTo(expected.decimalValue());
		}
		else if (expected.isNull()) {
			assertThat(actual).isNull();
		}
		else if (expected.isBoolean()) {
			assertThat(actual).isEqualTo(expected.asBoolean());
		}
		else {
			assertThat(actual).isEqualTo(expected.asString());
		}
	}

	@Test
	void theVectorsCoverAtLeastEightyCases() throws Exception {
		assertThat(cases().count()).isGreaterThanOrEqualTo(80);
	}

	@Test
	void aSyntaxErrorNamesItsPosition() {
		assertThatThrownBy(() -> FormExpressions.parse("a + (b * 2"))
			.isInstanceOfSatisfying(FormExpressions.SyntaxException.class, e -> assertThat(e.position()).isEqualTo(10));
		assertThatThrownBy(() -> FormExpressions.parse("1 + nope(2)"))
			.isInstanceOfSatisfying(FormExpressions.SyntaxException.class, e -> assertThat(e.position()).isEqualTo(4));
	}

	@Test
	void referencesListTheVariablesRead() {
		assertThat(FormExpressions.parse("sum(items.amount) > limit && applicant.unit == 'CS'").references())
			.containsExactly("items.amount", "limit", "applicant.unit");
	}

	@Test
	void javaNumbersOfAnyTypeAreDecimals() {
		assertThat((BigDecimal) FormExpressions.evaluate("a + b + c", Map.of("a", 1, "b", 2L, "c", 0.5d)))
			.isEqualByComparingTo("3.5");
	}
}
