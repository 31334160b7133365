package dev.punchcard.core.customer.infrastructure;

import dev.punchcard.core.customer.application.PreferredChannels;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@link PreferredChannels} in {@code customers.preferred_channel}. */
class R2dbcPreferredChannels implements PreferredChannels {

	private final DatabaseClient db;

	R2dbcPreferredChannels(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> prefer(CustomerId customerId, ChatChannel channel) {
		return this.db.sql("""
				UPDATE customers SET preferred_channel = :channel
				WHERE id = :id AND preferred_channel IS DISTINCT FROM :channel
				""")
			.bind("channel", channel.name())
			.bind("id", customerId.value())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

}
