package org.onecampus.messaging.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every {@link MessageChannel} bean, by id. */
@Component
public class ChannelRegistry {

	private final Map<String, MessageChannel> channels;

	public ChannelRegistry(List<MessageChannel> channels) {
		this.channels = channels.stream()
			.collect(Collectors.toMap(MessageChannel::id, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two message channels with the id " + a.id());
			}, java.util.TreeMap::new));
	}

	/** @return the channel, or empty when none has this id */
	public Optional<MessageChannel> find(String id) {
		return Optional.ofNullable(channels.get(id));
	}

	/** @return all channels, ordered by id */
	public Collection<MessageChannel> all() {
		return channels.values();
	}

	public boolean exists(String id) {
		return channels.containsKey(id);
	}
}
