package org.onecampus.messaging.internal.channels;

import java.util.List;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.stereotype.Component;

/**
 * The in-app inbox. The delivery row is the inbox entry, so delivering only marks it sent (which
 * makes it visible in the inbox and announces it to open browsers).
 */
@Component
class InAppChannel implements MessageChannel {

	@Override
	public String id() {
		return "inapp";
	}

	@Override
	public List<SettingField> fields() {
		return List.of();
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.PERSON;
	}

	@Override
	public DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		return DeliveryOutcome.sent();
	}
}
