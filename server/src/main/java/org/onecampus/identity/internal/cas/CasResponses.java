package org.onecampus.identity.internal.cas;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The CAS 2/3 service responses, as XML (the protocol's default) or JSON ({@code format=JSON}). */
final class CasResponses {

	private CasResponses() {
	}

	/** What a successful validation says. */
	record Success(String user, Map<String, Object> attributes, String pgtIou, List<String> proxies) {
	}

	static ResponseEntity<String> success(Success success, boolean json, JsonMapper mapper) {
		if (json) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("user", success.user());
			if (success.attributes() != null) {
				body.put("attributes", success.attributes());
			}
			if (success.pgtIou() != null) {
				body.put("proxyGrantingTicket", success.pgtIou());
			}
			if (!success.proxies().isEmpty()) {
				body.put("proxies", success.proxies());
			}
			return jsonBody(mapper, Map.of("serviceResponse", Map.of("authenticationSuccess", body)));
		}
		StringBuilder xml = new StringBuilder("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n")
			.append("  <cas:authenticationSuccess>\n")
			.append("    <cas:user>").append(escape(success.user())).append("</cas:user>\n");
		if (success.attributes() != null) {
			xml.append("    <cas:attributes>\n");
			success.attributes().forEach((name, value) -> {
				Collection<?> values = value instanceof Collection<?> many ? many : List.of(value);
				values.forEach(v -> xml.append("      <cas:").append(name).append('>').append(escape(String.valueOf(v)))
					.append("</cas:").append(name).append(">\n"));
			});
			xml.append("    </cas:attributes>\n");
		}
		if (success.pgtIou() != null) {
			xml.append("    <cas:proxyGrantingTicket>").append(escape(success.pgtIou())).append("</cas:proxyGrantingTicket>\n");
		}
		if (!success.proxies().isEmpty()) {
			xml.append("    <cas:proxies>\n");
			success.proxies().forEach(p -> xml.append("      <cas:proxy>").append(escape(p)).append("</cas:proxy>\n"));
			xml.append("    </cas:proxies>\n");
		}
		xml.append("  </cas:authenticationSuccess>\n</cas:serviceResponse>\n");
		return xmlBody(xml.toString());
	}

	static ResponseEntity<String> failure(String code, String description, boolean json, JsonMapper mapper) {
		if (json) {
			return jsonBody(mapper, Map.of("serviceResponse",
					Map.of("authenticationFailure", Map.of("code", code, "description", description))));
		}
		return xmlBody("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n  <cas:authenticationFailure code=\""
				+ code + "\">" + escape(description) + "</cas:authenticationFailure>\n</cas:serviceResponse>\n");
	}

	static ResponseEntity<String> proxySuccess(String proxyTicket, boolean json, JsonMapper mapper) {
		if (json) {
			return jsonBody(mapper, Map.of("serviceResponse", Map.of("proxySuccess", Map.of("proxyTicket", proxyTicket))));
		}
		return xmlBody("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n  <cas:proxySuccess>\n    <cas:proxyTicket>"
				+ escape(proxyTicket) + "</cas:proxyTicket>\n  </cas:proxySuccess>\n</cas:serviceResponse>\n");
	}

	static ResponseEntity<String> proxyFailure(String code, String description, boolean json, JsonMapper mapper) {
		if (json) {
			return jsonBody(mapper, Map.of("serviceResponse",
					Map.of("proxyFailure", Map.of("code", code, "description", description))));
		}
		return xmlBody("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">\n  <cas:proxyFailure code=\"" + code
				+ "\">" + escape(description) + "</cas:proxyFailure>\n</cas:serviceResponse>\n");
	}

	private static ResponseEntity<String> xmlBody(String xml) {
		return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
			.body(xml);
	}

	private static ResponseEntity<String> jsonBody(JsonMapper mapper, Object body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}
}
