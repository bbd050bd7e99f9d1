package org.onecampus.messaging.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTests {

	@Test
	void placeholdersAreFilledAndSpacesInsideTheBracesAreAllowed() {
		assertThat(TemplateText.render("您好 {{name}}，验证码 {{ code }}。", Map.of("name", "李明轩", "code", "12$3")))
			.isEqualTo("您好 李明轩，验证码 12$3。");
	}

	@Test
	void missingVariablesAreNamedOnceInOrder() {
		assertThat(TemplateText.missing("{{a}} {{b}} {{a}} {{c}}", Map.of("b", "x"))).containsExactly("a", "c");
	}

	@Test
	void textWithoutPlaceholdersIsLeftAlone() {
		assertThat(TemplateText.render("{not} {{}} plain", Map.of())).isEqualTo("{not} {{}} plain");
		assertThat(TemplateText.variables("{not} {{}} plain")).isEmpty();
	}
}
