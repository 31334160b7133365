package dev.punchcard.core.chat.application;

import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The messages the bot sent on channels that report delivery, and how far each got.
 */
public interface OutgoingMessages {

	/**
	 * Records a message the platform accepted: its id there, our own id for it, the
	 * recipient, and the notification it carried, if any. A status reported before this
	 * keeps its place.
	 */
	Mono<Void> accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
			@Nullable UUID notificationId);

	/** The notification the message carried, if it carried one and was recorded. */
	Mono<UUID> notificationOf(ChatChannel channel, String platformId);

	/**
	 * Records a delivery status reported by the platform, only when it moves the message
	 * forward (an older status arriving late, or anything after FAILED, changes nothing).
	 * Emits whether it did.
	 * @param errorCode the platform's error code of a FAILED status, else 0
	 */
	Mono<Boolean> reported(ChatChannel channel, String platformId, DeliveryStatus status, int errorCode);

	/** The message's current status, if it is known. */
	Mono<Optional<DeliveryStatus>> status(ChatChannel channel, String platformId);

}
