package org.onecampus.hall.internal.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The service templates shipped with the platform: one JSON document per template under
 * {@code classpath:hall/templates/} (format {@code onecampus-service-template}, formatVersion 1), read once.
 */
@Component
class TemplateLibrary {

	static final String FORMAT = "onecampus-service-template";

	private final Map<String, ServiceTemplate> templates = new TreeMap<>();

	TemplateLibrary(JsonMapper json) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:hall/templates/*.json");
			for (Resource resource : resources) {
				byte[] bytes;
				try (InputStream in = resource.getInputStream()) {
					bytes = in.readAllBytes();
				}
				JsonNode document = json.readTree(bytes);
				if (!FORMAT.equals(document.path("format").asString("")) || document.path("formatVersion").asInt() != 1) {
					throw new IllegalStateException("not a service template: " + resource.getFilename());
				}
				ServiceTemplate template = new ServiceTemplate(document.path("code").asString(), document, sha256(bytes));
				if (templates.put(template.code(), template) != null) {
					throw new IllegalStateException("two templates with the code " + template.code());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<ServiceTemplate> all() {
		return List.copyOf(templates.values());
	}

	Optional<ServiceTemplate> find(String code) {
		return Optional.ofNullable(templates.get(code));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A template document: {@code code, name, summary, category, ownerOrgUnit (code), coOrgUnits (codes), audience,
	 * publicGuide, promisedDays, guide, materials, fees, faq, keywords, calendarTags, selfPrint, sortOrder, form (a
	 * form export), process {key, name, applicants, admins (usernames), model}}}. Positions in the model may name
	 * org units by code ({@code HEAD@SEC}); the installer resolves them to ids.
	 * @param checksum SHA-256 of the document's bytes: a changed document publishes new versions
	 */
	record ServiceTemplate(String code, JsonNode document, String checksum) {

		JsonNode form() {
			return document.get("form");
		}

		JsonNode process() {
			return document.get("process");
		}
	}
}
