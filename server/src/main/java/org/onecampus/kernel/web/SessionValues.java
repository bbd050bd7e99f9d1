package org.onecampus.kernel.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Session attribute values as bytes: a value one of the {@link SessionValueCodec}s encodes is stored as
 * {@code 'O'}, the codec's tag, then the codec's bytes; any other value is Java-serialized, as Spring Session does by
 * default (such bytes begin with Java serialization's magic number, {@code AC ED}). Reading tells the two apart by
 * the first byte, so sessions stored before a codec existed are still read. Bytes of a codec that is not there (a
 * downgrade) or that it cannot read give no value: the attribute is as if it had never been set (for a security
 * context: the person signs in again), instead of an error on every request of theirs.
 */
public final class SessionValues {

	private static final Logger log = LoggerFactory.getLogger(SessionValues.class);

	/** The first byte of a value a codec wrote. */
	static final byte CODEC = 'O';

	private final Map<Integer, SessionValueCodec> byTag;

	private final List<SessionValueCodec> codecs;

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer;

	SessionValues(List<SessionValueCodec> codecs, ClassLoader classLoader) {
		for (SessionValueCodec codec : codecs) {
			if (codec.tag() < 1 || codec.tag() > 127) {
				throw new IllegalArgumentException("Session value codec tag out of 1-127: " + codec);
			}
		}
		this.byTag = codecs.stream().collect(Collectors.toMap(SessionValueCodec::tag, Function.identity()));
		this.codecs = List.copyOf(codecs);
		this.deserializer = new DeserializingConverter(classLoader);
	}

	public static ConversionService conversionService(List<SessionValueCodec> codecs, ClassLoader classLoader) {
		SessionValues values = new SessionValues(codecs, classLoader);
		GenericConversionService service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, values::write);
		service.addConverter(byte[].class, Object.class, values::read);
		return service;
	}

	byte[] write(Object value) {
		for (SessionValueCodec codec : codecs) {
			if (codec.encodes(value)) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
				try (DataOutputStream out = new DataOutputStream(bytes)) {
					out.writeByte(CODEC);
					out.writeByte(codec.tag());
					codec.encode(value, out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return bytes.toByteArray();
			}
		}
		return serializer.convert(value);
	}

	Object read(byte[] bytes) {
		if (bytes.length == 0 || bytes[0] != CODEC) {
			return deserializer.convert(bytes);
		}
		SessionValueCodec codec = bytes.length > 1 ? byTag.get((int) bytes[1]) : null;
		if (codec == null) {
			log.warn("A session value written by a codec that is not here (tag {}) is dropped",
					bytes.length > 1 ? bytes[1] : "none");
			return null;
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 2, bytes.length - 2))) {
			Object value = codec.decode(in);
			if (in.read() != -1) {
				throw new IOException("bytes left after the value");
			}
			return value;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("A session value that {} cannot read is dropped: {}", codec.getClass().getSimpleName(),
					ex.toString());
			return null;
		}
	}
}
