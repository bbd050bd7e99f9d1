package org.onecampus.identity.internal.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable ids: a name-based UUID of the seed and a key, so that the same seed gives the same ids. */
record DemoIds(long seed) {

	UUID of(String key) {
		return UUID.nameUUIDFromBytes(("demo:" + seed + ":" + key).getBytes(StandardCharsets.UTF_8));
	}
}
