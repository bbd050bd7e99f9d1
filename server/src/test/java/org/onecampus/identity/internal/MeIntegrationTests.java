package org.onecampus.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MeIntegrationTests {

	@LocalServerPort
	int port;

	JsonNode me(String username) {
		var response = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD).get("/api/v1/me");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	@Test
	void aStudentSeesTheirPersonAffiliationClassAndOnlyMemberPermissions() {
		JsonNode me = me("stu001");
		assertThat(me.get("username").asString()).isEqualTo("stu001");
		assertThat(me.get("personId").asString()).hasSize(36);
		assertThat(me.get("name").asString()).isNotBlank();
		JsonNode affiliation = me.get("affiliations").get(0);
		assertThat(affiliation.get("type").asString()).isEqualTo("UNDERGRADUATE");
		assertThat(affiliation.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(affiliation.get("identifier").asString()).isNotBlank();
		assertThat(affiliation.get("orgUnit").get("type").asString()).isEqualTo("CLASS");
		assertThat(texts(me.get("orgUnits"), "type")).contains("CLASS");
		assertThat(texts(me.get("roles"), "code")).containsExactly("MEMBER");
		assertThat(texts(me.get("permissions"), null)).contains("identity:me:read").doesNotContain("kernel:audit:read");
	}

	@Test
	void theHeadOfACollegeHasThatPosition() {
		JsonNode me = me("head001");
		assertThat(me.get("positions").findValuesAsString("kind")).contains("HEAD");
		assertThat(texts(me.get("orgUnits"), "code")).contains("CS");
	}

	@Test
	void theAdministratorHasTheAdministratorsPermissions() {
		assertThat(texts(me("admin").get("permissions"), null)).contains("kernel:audit:read", "kernel:audit:verify",
				"kernel:ops:read");
	}

	@Test
	void theLanguagePreferenceIsRememberedAndAudited() {
		ApiClient client = new ApiClient(port).signIn("intl001", IntegrationTest.DEMO_PASSWORD);
		try {
			assertThat(client.putJson("/api/v1/me/preferences", "{\"locale\":\"en-US\"}").status()).isEqualTo(200);
			assertThat(client.get("/api/v1/me/preferences").json().get("locale").asString()).isEqualTo("en-US");
			assertThat(client.get("/api/v1/me").json().get("locale").asString()).isEqualTo("en-US");
			ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
			var events = admin.get("/api/v1/audit/events?actor=intl001&action=identity.preferences-changed").json();
			assertThat(events.get("items").get(0).get("details").get("locale").asString()).isEqualTo("en-US");
		}
		finally {
			// the browser tests that sign in as intl001 expect the demo's Chinese
			client.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}");
		}
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(field == null ? node.asString() : node.get(field).asString()));
		return values;
	}
}
