package org.onecampus.workflow.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file really is, from its bytes (magic numbers; Office Open XML told apart from plain ZIP by the parts
 * inside), and the allow-list: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ZIP and UTF-8 text. Anything else
 * (executables, scripts with a shebang, legacy OLE Office files, HTML …) is not accepted.
 */
final class ContentSniffer {

	/** An allowed type: its content type and the file name extensions that may carry it. */
	enum Kind {

		PDF("application/pdf", ".pdf"), PNG("image/png", ".png"), JPEG("image/jpeg", ".jpg", ".jpeg"),
		GIF("image/gif", ".gif"), WEBP("image/webp", ".webp"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
		PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
		ZIP("application/zip", ".zip"), TEXT("text/plain", ".txt", ".csv", ".md", ".log");

		final String contentType;

		final List<String> extensions;

		Kind(String contentType, String... extensions) {
			this.contentType = contentType;
			this.extensions = List.of(extensions);
		}

		boolean fitsName(String name) {
			String lower = name.toLowerCase(Locale.ROOT);
			return extensions.stream().anyMatch(lower::endsWith);
		}
	}

	private ContentSniffer() {
	}

	/**
	 * @return the allowed kind, or null when the content is not on the allow-list
	 * @param label receives a short description of what was found, for the error message
	 */
	static Kind sniff(Path file, StringBuilder label) throws IOException {
		byte[] head = new byte[8192];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		byte[] b = Arrays.copyOf(head, n);
		if (starts(b, "%PDF-")) {
			return found(Kind.PDF, label);
		}
		if (starts(b, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return found(Kind.PNG, label);
		}
		if (starts(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return found(Kind.JPEG, label);
		}
		if (starts(b, "GIF87a") || starts(b, "GIF89a")) {
			return found(Kind.GIF, label);
		}
		if (starts(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return found(Kind.WEBP, label);
		}
		if (starts(b, new byte[] { 'P', 'K', 3, 4 })) {
			return found(zipKind(file), label);
		}
		if (starts(b, "MZ") || starts(b, new byte[] { 0x7F, 'E', 'L', 'F' }) || starts(b, "#!")
				|| starts(b, new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE })
				|| starts(b, new byte[] { (byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE })
				|| starts(b, new byte[] { (byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE })) {
			label.append("application/x-executable");
			return null;
		}
		if (starts(b, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })) {
			label.append("application/x-ole-storage");
			return null;
		}
		if (isText(b, n == head.length)) {
			String start = new String(b, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
			if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<script")
					|| start.startsWith("<svg") || start.startsWith("<?xml")) {
				label.append("text/html");
				return null;
			}
			return found(Kind.TEXT, label);
		}
		label.append("application/octet-stream");
		return null;
	}

	private static Kind zipKind(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("[Content_Types].xml") != null) {
				if (has(zip, "word/")) {
					return Kind.DOCX;
				}
				if (has(zip, "xl/")) {
					return Kind.XLSX;
				}
				if (has(zip, "ppt/")) {
					return Kind.PPTX;
				}
			}
			return Kind.ZIP;
		}
		catch (java.util.zip.ZipException ex) {
			return null;
		}
	}

	private static boolean has(ZipFile zip, String prefix) {
		return zip.stream().map(ZipEntry::getName).anyMatch(name -> name.startsWith(prefix));
	}

	/** UTF-8 without control characters other than tab, CR, LF (a cut-off last character is tolerated). */
	private static boolean isText(byte[] b, boolean truncated) {
		for (byte x : b) {
			if (x == 0 || (x > 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r' && x != 0x0C)) {
				return false;
			}
		}
		int length = b.length;
		for (int cut = 0; cut < (truncated ? 4 : 1) && length - cut >= 0; cut++) {
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(b, 0, length - cut));
				return true;
			}
			catch (CharacterCodingException ex) {
				// try again without a possibly cut multi-byte character
			}
		}
		return false;
	}

	private static Kind found(Kind kind, StringBuilder label) {
		if (kind != null) {
			label.append(kind.contentType);
		}
		else {
			label.append("application/octet-stream");
		}
		return kind;
	}

	private static boolean starts(byte[] b, String ascii) {
		return starts(b, ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean starts(byte[] b, byte[] prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
