package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.onecampus.support.ApiClient;

/** Posts a file as multipart/form-data, as a browser's file upload does. */
final class Uploads {

	private Uploads() {
	}

	static ApiClient.Response upload(ApiClient client, String path, String filename, byte[] content) {
		String boundary = "----onecampus" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send("POST", path, "multipart/form-data; boundary=" + boundary,
				BodyPublishers.ofByteArray(body.toByteArray()));
	}
}
