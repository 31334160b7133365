package dev.punchcard.core.notification.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload;
import dev.punchcard.core.notification.application.NotificationRecord;
import dev.punchcard.core.notification.application.PendingNotification;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's delivery side on PostgreSQL: a notification a channel took and later
 * reported failed is queued again once per way (as the channel's template, or for the
 * other channels), and staff see where each one went.
 */
class R2dbcOutboxRelayIT {

	private DatabaseClient db;

	private R2dbcOutboxRelay relay;

	private R2dbcNotificationHistory history;

	private CustomerId customer;

	@BeforeEach
	void oneQueuedNotification() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("DELETE FROM notification_outbox").then().as(StepVerifier::create).verifyComplete();
		this.relay = new R2dbcOutboxRelay(this.db, new ObjectMapper(), Clock.systemUTC());
		this.history = new R2dbcNotificationHistory(this.db);
		this.customer = Rows.customer(this.db);
		new R2dbcNotifications(this.db, new ObjectMapper())
			.enqueue(new Notification(this.customer, "credit:" + this.customer,
					new NotificationPayload.ReferralBonusPaid(50, 150)))
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@Test
	void should_queue_a_failed_notice_again_as_the_template_once_then_for_the_other_channels_once() {
		PendingNotification first = claim();
		assertThat(first.templateOnly()).isFalse();
		assertThat(first.excludedChannels()).isEmpty();
		this.relay.markSent(first.id(), ChatChannel.WHATSAPP).block();

		assertThat(this.relay.redeliver(first.id(), ChatChannel.TELEGRAM, true, "131047").block())
			.as("it was not sent on Telegram")
			.isFalse();
		assertThat(this.relay.redeliver(first.id(), ChatChannel.WHATSAPP, true, "131047").block()).isTrue();
		PendingNotification second = claim();
		assertThat(second.templateOnly()).isTrue();
		assertThat(second.attempts()).isEqualTo(2);
		this.relay.markSent(second.id(), ChatChannel.WHATSAPP).block();
		assertThat(this.relay.redeliver(first.id(), ChatChannel.WHATSAPP, true, "131047").block())
			.as("the template is asked for once")
			.isFalse();

		assertThat(this.relay.redeliver(first.id(), ChatChannel.WHATSAPP, false, "131049").block()).isTrue();
		PendingNotification third = claim();
		assertThat(third.excludedChannels()).containsExactly(ChatChannel.WHATSAPP);
		assertThat(this.relay.redeliver(first.id(), ChatChannel.WHATSAPP, false, "131049").block())
			.as("not SENT any more")
			.isFalse();
		this.relay.markFailed(third.id(), "no reachable chat").block();

		NotificationRecord record = this.history.of(this.customer, 0, 10).single().block();
		assertThat(record.status()).isEqualTo("FAILED");
		assertThat(record.lastError()).isEqualTo("no reachable chat");
		assertThat(record.kind()).isEqualTo("ReferralBonusPaid");
		assertThat(this.history.countOf(this.customer).block()).isEqualTo(1);
		assertThat(this.history.countOf(Rows.customer(this.db)).block()).isZero();
	}

	@Test
	void should_show_the_channel_that_took_a_notification() {
		PendingNotification pending = claim();
		this.relay.markSent(pending.id(), ChatChannel.TELEGRAM).block();

		NotificationRecord record = this.history.of(this.customer, 0, 10).single().block();
		assertThat(record.status()).isEqualTo("SENT");
		assertThat(record.channel()).isEqualTo(ChatChannel.TELEGRAM);
		assertThat(record.sentAt()).isNotNull();
		assertThat(record.attempts()).isEqualTo(1);
		assertThat(this.relay.claimDue(10, Duration.ofMinutes(1)).collectList().block()).isEmpty();
		assertThat(Set.of(record.lastError() == null)).containsExactly(true);
	}

	private PendingNotification claim() {
		return this.relay.claimDue(10, Duration.ofMinutes(1)).single().block();
	}

}
