package org.onecampus.kernel.web;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A compact encoding of one kind of value kept in a session attribute, which the session store
 * ({@code kernel_session_attributes}) then uses instead of Java serialization. Java serialization writes every
 * class's description with each value, and reading it back resolves each class by name: for the security
 * context of a signed-in person, read on every request of theirs, that was the larger part of the session store's
 * own work. A module registers a codec as a bean for the values it puts in sessions; values no codec
 * {@linkplain #encodes encodes} are Java-serialized as before, and sessions stored before a codec existed are still
 * read.
 */
public interface SessionValueCodec {

	/** @return this codec's tag in the stored bytes, 1 to 127, unique among the codecs; never reused for another format */
	int tag();

	/**
	 * @param value an attribute's value, not null
	 * @return whether {@link #encode} writes it so that {@link #decode} gives back an equal value of the same class
	 * (otherwise it is Java-serialized)
	 */
	boolean encodes(Object value);

	/** Writes a value that {@link #encodes} accepted. */
	void encode(Object value, DataOutput out) throws IOException;

	/** Reads a value that {@link #encode} wrote. */
	Object decode(DataInput in) throws IOException;
}
