package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Second ids of chat accounts: a platform may know one person by two ids (WhatsApp: the
 * phone number {@code wa_id} and the business-scoped user id, which may come alone once
 * the user adopts a username).
 */
public interface ChatAliases {

	/**
	 * Emits the id the person's chat account is stored under: that of the account whose
	 * id or alias is either given id, preferring {@code id}. An account found by
	 * {@code id} that has no alias yet gets {@code alias}, unless another account has it
	 * already. Completes empty when no account has either id.
	 */
	Mono<String> knownId(ChatChannel channel, String id, String alias);

}
