package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.onecampus.support.ApiClient;

/** Posts files as multipart/form-data, as a browser's file upload does. */
final class Uploads {

	private Uploads() {
	}

	static ApiClient.Response upload(ApiClient client, String path, String filename, byte[] content) {
		return uploadParts(client, path, Map.of("file", new Part(filename, content)));
	}

	/** One file per part name (org-units, people, positions or file). */
	static ApiClient.Response uploadParts(ApiClient client, String path, Map<String, Part> parts) {
		String boundary = "----onecampus" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		parts.forEach((name, part) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ part.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send("POST", path, "multipart/form-data; boundary=" + boundary,
				BodyPublishers.ofByteArray(body.toByteArray()));
	}

	record Part(String filename, byte[] content) {

		static Part csv(String name, String text) {
			return new Part(name + ".csv", text.getBytes(StandardCharsets.UTF_8));
		}
	}
}
