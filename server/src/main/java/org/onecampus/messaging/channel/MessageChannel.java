package org.onecampus.messaging.channel;

import java.util.List;

/**
 * A way of reaching people. Implementations are Spring beans; the delivery workers call
 * {@link #deliver} for each due delivery with the settings administrators stored for the channel.
 * A channel must not throw for a failed delivery: it reports the outcome.
 */
public interface MessageChannel {

	/** @return the stable id, lower case, such as {@code email}; stored in deliveries */
	String id();

	/** @return the settings administrators fill in, in display order; never null */
	List<SettingField> fields();

	/**
	 * @return which address of the recipient this channel needs; deliveries to persons without it
	 * fail at once with the reason {@code no address}
	 */
	AddressKind addressKind();

	/** Checks settings beyond the required fields (URLs, numbers); returns problems, empty when valid. */
	default List<SettingProblem> validate(ChannelSettings settings) {
		return List.of();
	}

	/**
	 * Delivers one message to one person.
	 * @param delivery what and to whom; not null
	 * @param settings the channel's current settings, secrets decrypted; not null
	 * @return the outcome; never null
	 */
	DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings);

	/** Which contact detail a channel sends to. */
	enum AddressKind {
		/** the person id (in-app) */
		PERSON,
		/** the e-mail address */
		EMAIL,
		/** the mobile number */
		PHONE,
		/** the username, which campuses use as the WeCom/DingTalk user id */
		USERNAME
	}

	/** A setting that is not acceptable, by field name and message code. */
	record SettingProblem(String field, String messageCode) {
	}
}
