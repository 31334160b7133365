package dev.punchcard.core.customer.application;

import java.time.Clock;
import java.time.Duration;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * A member asks, on one channel, for a one-time code that joins their chat account on
 * another channel ({@link LinkChats}); it works for {@link #VALIDITY}.
 */
public class IssueChatLinkCode {

	/** How long a code works. */
	public static final Duration VALIDITY = Duration.ofMinutes(10);

	private final ChatLinkCodes codes;

	private final Clock clock;

	public IssueChatLinkCode(ChatLinkCodes codes, Clock clock) {
		this.codes = codes;
		this.clock = clock;
	}

	/** Emits the stored code. */
	public Mono<ChatLinkCode> issue(CustomerId member, ChatChannel askedOn) {
		return Mono.fromSupplier(
				() -> new ChatLinkCode(ChatLinkCode.randomCode(), member, askedOn, this.clock.instant().plus(VALIDITY)))
			.flatMap((code) -> this.codes.insert(code).thenReturn(code));
	}

}
