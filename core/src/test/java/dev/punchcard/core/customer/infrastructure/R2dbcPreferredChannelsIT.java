package dev.punchcard.core.customer.infrastructure;

import java.time.Instant;

import dev.punchcard.core.customer.application.ChatAddress;
import dev.punchcard.core.customer.application.ChatMember;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's chats in the order notifications try them: the messenger they chose first,
 * else the one they wrote from last.
 */
class R2dbcPreferredChannelsIT {

	private DatabaseClient db;

	private R2dbcChatIdentities identities;

	private R2dbcPreferredChannels preferences;

	private CustomerId member;

	private String whatsApp;

	@BeforeEach
	void aMemberOnBothMessengers() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.identities = new R2dbcChatIdentities(this.db);
		this.preferences = new R2dbcPreferredChannels(this.db);
		this.member = Rows.customer(this.db);
		String suffix = this.member.value().toString().substring(0, 8);
		this.whatsApp = "4915" + suffix.hashCode();
		this.identities
			.link(this.member, ChatChannel.WHATSAPP, this.whatsApp, "wa-" + suffix,
					Instant.parse("2026-12-01T08:00:00Z"))
			.block();
		this.identities
			.link(this.member, ChatChannel.TELEGRAM, "tg-" + suffix, "tg-" + suffix,
					Instant.parse("2026-12-01T09:00:00Z"))
			.block();
	}

	@Test
	void should_try_the_chat_written_from_last_first_until_the_member_chooses_a_messenger() {
		assertThat(this.identities.addressesOf(this.member).map(ChatAddress::channel).collectList().block())
			.containsExactly(ChatChannel.TELEGRAM, ChatChannel.WHATSAPP);

		assertThat(this.preferences.prefer(this.member, ChatChannel.WHATSAPP).block()).isTrue();
		assertThat(this.preferences.prefer(this.member, ChatChannel.WHATSAPP).block()).as("already").isFalse();

		assertThat(this.identities.addressesOf(this.member).map(ChatAddress::channel).collectList().block())
			.containsExactly(ChatChannel.WHATSAPP, ChatChannel.TELEGRAM);
		assertThat(this.preferences.prefer(CustomerId.random(), ChatChannel.WHATSAPP).block()).isFalse();
	}

	@Test
	void should_make_a_chat_the_one_written_from_last_when_it_writes_within_the_hour_the_other_one_wrote() {
		// WhatsApp recorded at 08:00, Telegram at 09:00; WhatsApp writes again at 09:20
		ChatMember seen = this.identities.findMember(ChatChannel.WHATSAPP, this.whatsApp).block();
		assertThat(seen.otherSeenAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
		Instant now = Instant.parse("2026-12-01T09:20:00Z");
		assertThat(seen.changesWhenSeenAt(now)).isTrue();
		this.identities.setReachable(ChatChannel.WHATSAPP, this.whatsApp, true, now).block();

		assertThat(this.identities.addressesOf(this.member).map(ChatAddress::channel).collectList().block())
			.containsExactly(ChatChannel.WHATSAPP, ChatChannel.TELEGRAM);
		assertThat(this.identities.findMember(ChatChannel.WHATSAPP, this.whatsApp).block().changesWhenSeenAt(now))
			.as("no second write in the same hour")
			.isFalse();
	}

}
