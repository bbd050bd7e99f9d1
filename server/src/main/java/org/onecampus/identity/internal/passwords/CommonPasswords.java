package org.onecampus.identity.internal.passwords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The shipped list of common and breached passwords ({@code identity/common-passwords.txt}). */
final class CommonPasswords {

	private static final Set<String> LIST = load();

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return LIST.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load() {
		var in = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt");
		if (in == null) {
			throw new IllegalStateException("identity/common-passwords.txt is missing from the class path");
		}
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
