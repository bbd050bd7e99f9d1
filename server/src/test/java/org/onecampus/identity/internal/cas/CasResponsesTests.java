package org.onecampus.identity.internal.cas;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CasResponsesTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void attributeValuesAreEscapedAndListsRepeatTheElement() {
		String xml = CasResponses.success(new CasResponses.Success("stu001",
				Map.of("name", "<script>&", "affiliations", List.of("PHD", "STAFF")), null, List.of()), false, json).getBody();
		assertThat(xml).contains("<cas:name>&lt;script&gt;&amp;</cas:name>")
			.contains("<cas:affiliations>PHD</cas:affiliations>", "<cas:affiliations>STAFF</cas:affiliations>")
			.doesNotContain("<script>");
	}

	@Test
	void cas2AnswersCarryNoAttributesAndJsonFollowsTheProtocolShape() {
		var success = new CasResponses.Success("fac001", null, "PGTIOU-1", List.of("https://proxy/cb"));
		assertThat(CasResponses.success(success, false, json).getBody()).doesNotContain("cas:attributes")
			.contains("<cas:proxyGrantingTicket>PGTIOU-1</cas:proxyGrantingTicket>");
		var tree = json.readTree(CasResponses.success(success, true, json).getBody());
		assertThat(tree.at("/serviceResponse/authenticationSuccess/user").asString()).isEqualTo("fac001");
		assertThat(tree.at("/serviceResponse/authenticationSuccess/proxies/0").asString()).isEqualTo("https://proxy/cb");
	}

	@Test
	void aSingleLogoutRequestNamesTheServiceTicket() {
		assertThat(CasSingleLogout.logoutRequest("ST-abc"))
			.contains("<samlp:SessionIndex>ST-abc</samlp:SessionIndex>", "urn:oasis:names:tc:SAML:2.0:protocol");
	}
}
