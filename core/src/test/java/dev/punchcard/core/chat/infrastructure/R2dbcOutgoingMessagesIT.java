package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.chat.application.DeliveryStatus;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcOutgoingMessagesIT {

	private DatabaseClient db;

	private R2dbcOutgoingMessages messages;

	@BeforeEach
	void emptyTable() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE outgoing_messages").then().as(StepVerifier::create).verifyComplete();
		this.messages = new R2dbcOutgoingMessages(this.db, Clock.systemUTC());
	}

	@Test
	void should_move_a_status_only_forward_when_statuses_arrive_out_of_order() {
		this.messages.accepted(ChatChannel.WHATSAPP, "wamid.1", UUID.randomUUID(), "16505551234", null).block();

		assertThat(reported("wamid.1", DeliveryStatus.READ)).isTrue();
		assertThat(reported("wamid.1", DeliveryStatus.DELIVERED)).isFalse();
		assertThat(reported("wamid.1", DeliveryStatus.SENT)).isFalse();
		assertThat(reported("wamid.1", DeliveryStatus.READ)).isFalse();

		assertThat(status("wamid.1")).contains(DeliveryStatus.READ);
	}

	@Test
	void should_keep_failed_final_with_its_error_code() {
		this.messages.accepted(ChatChannel.WHATSAPP, "wamid.2", UUID.randomUUID(), "16505551234", null).block();
		assertThat(this.messages.reported(ChatChannel.WHATSAPP, "wamid.2", DeliveryStatus.FAILED, 131047).block())
			.isTrue();

		assertThat(reported("wamid.2", DeliveryStatus.READ)).isFalse();
		assertThat(status("wamid.2")).contains(DeliveryStatus.FAILED);
		assertThat(this.db.sql("SELECT error_code FROM outgoing_messages WHERE platform_id = 'wamid.2'")
			.map((row) -> row.get(0, Integer.class))
			.one()
			.block()).isEqualTo(131047);
	}

	@Test
	void should_keep_the_status_when_it_arrived_before_the_send_was_recorded() {
		UUID ours = UUID.randomUUID();
		assertThat(reported("wamid.3", DeliveryStatus.DELIVERED)).isTrue();

		this.messages.accepted(ChatChannel.WHATSAPP, "wamid.3", ours, "16505551234", null).block();

		assertThat(status("wamid.3")).contains(DeliveryStatus.DELIVERED);
		assertThat(this.db.sql("SELECT our_id FROM outgoing_messages WHERE platform_id = 'wamid.3'")
			.map((row) -> row.get(0, UUID.class))
			.one()
			.block()).isEqualTo(ours);
		assertThat(status("wamid.unknown")).isEmpty();
	}

	@Test
	void should_find_the_notification_a_message_carried_and_nothing_for_a_reply() {
		UUID notification = UUID.randomUUID();
		this.messages.accepted(ChatChannel.WHATSAPP, "wamid.4", UUID.randomUUID(), "16505551234", notification).block();
		this.messages.accepted(ChatChannel.WHATSAPP, "wamid.5", UUID.randomUUID(), "16505551234", null).block();

		assertThat(this.messages.notificationOf(ChatChannel.WHATSAPP, "wamid.4").blockOptional())
			.contains(notification);
		assertThat(this.messages.notificationOf(ChatChannel.WHATSAPP, "wamid.5").blockOptional()).isEmpty();
		assertThat(this.messages.notificationOf(ChatChannel.TELEGRAM, "wamid.4").blockOptional()).isEmpty();
	}

	@Test
	void should_record_every_message_of_a_burst_with_its_own_details() {
		int burst = 500;
		List<UUID> ours = new ArrayList<>();
		List<Mono<Void>> sends = new ArrayList<>();
		for (int i = 0; i < burst; i++) {
			UUID our = UUID.randomUUID();
			ours.add(our);
			sends.add(this.messages.accepted(ChatChannel.WHATSAPP, "wamid.b" + i, our, "1650555" + i,
					(i % 2 == 0) ? our : null));
		}
		// the same message twice in one burst: recorded once, as its later record says
		UUID later = UUID.randomUUID();
		sends.add(this.messages.accepted(ChatChannel.WHATSAPP, "wamid.b0", later, "16505550", null));

		Flux.merge(sends).then().as(StepVerifier::create).verifyComplete();

		List<String> rows = this.db
			.sql("SELECT platform_id, our_id, recipient, notification_id, status FROM outgoing_messages "
					+ "ORDER BY platform_id")
			.map((row) -> row.get("platform_id", String.class) + "|" + row.get("our_id", UUID.class) + "|"
					+ row.get("recipient", String.class) + "|" + row.get("notification_id", UUID.class) + "|"
					+ row.get("status", String.class))
			.all()
			.collectList()
			.block();
		assertThat(rows).hasSize(burst);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < burst; i++) {
			UUID our = (i == 0) ? later : ours.get(i);
			UUID notification = (i % 2 == 0 && i != 0) ? our : null;
			expected.add("wamid.b" + i + "|" + our + "|1650555" + i + "|" + notification + "|ACCEPTED");
		}
		assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
	}

	private boolean reported(String wamid, DeliveryStatus status) {
		return this.messages.reported(ChatChannel.WHATSAPP, wamid, status, 0).block();
	}

	private Optional<DeliveryStatus> status(String wamid) {
		return this.messages.status(ChatChannel.WHATSAPP, wamid).block();
	}

}
