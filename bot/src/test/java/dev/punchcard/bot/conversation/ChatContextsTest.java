package dev.punchcard.bot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.customer.application.ChatAddress;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.ChatMember;
import dev.punchcard.core.customer.application.InMemoryChatIdentities;
import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.application.RecogniseVerifiedPhone;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.LinkCode;
import dev.punchcard.core.staff.application.StaffChats;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ChatContextsTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final Identities identities = new Identities();

	private final Staff staff = new Staff();

	private final InMemoryCustomers customers = new InMemoryCustomers(new InMemoryPointsLedger());

	private final ChatContexts contexts = new ChatContexts(this.identities, this.staff,
			new RecogniseVerifiedPhone(this.identities, this.customers, Clock.fixed(NOW, ZoneOffset.UTC)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void should_join_the_member_with_the_verified_phone_when_an_unknown_account_writes() {
		InMemoryChatIdentities accounts = new InMemoryChatIdentities(this.customers);
		ChatContexts recognising = new ChatContexts(accounts, this.staff,
				new RecogniseVerifiedPhone(accounts, this.customers, Clock.fixed(NOW, ZoneOffset.UTC)),
				Clock.fixed(NOW, ZoneOffset.UTC));
		Customer member = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		ChatEvent typed = new ChatEvent("1", ChatChannel.WHATSAPP, "4915112345678", "4915112345678", "Mario", "en",
				new ChatInput.Text("points"), null);
		ChatEvent verified = new ChatEvent("2", ChatChannel.WHATSAPP, "4915112345678", "4915112345678", "Mario", "en",
				new ChatInput.Text("points"), "+4915112345678");

		assertThat(recognising.of(typed).block().customer()).as("only a verified number counts").isEmpty();
		assertThat(recognising.of(verified).block().customer()).contains(member);
		assertThat(accounts.ownerOf(ChatChannel.WHATSAPP, "4915112345678")).isEqualTo(member.id());
	}

	@Test
	void should_find_the_member_and_answer_in_their_language_without_asking_for_staff() {
		this.identities.member = new ChatMember(customer("ru"), true, NOW.minus(5, ChronoUnit.MINUTES));

		this.contexts.of(event("en")).as(StepVerifier::create).assertNext((context) -> {
			assertThat(context.customer()).isPresent();
			assertThat(context.language()).isEqualTo("ru");
		}).verifyComplete();

		assertThat(this.staff.lookups).hasValue(0);
		assertThat(this.identities.seen).as("a member seen minutes ago costs no write").isEmpty();
	}

	@Test
	void should_look_the_staff_member_up_once_however_often_handlers_ask() {
		this.staff.member = new StaffMember(new StaffId(UUID.randomUUID()), "admin-1", "hash", Role.ADMIN, null, true);

		ChatContext context = this.contexts.of(event("en")).block();

		context.staff().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		context.staff().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(this.staff.lookups).hasValue(1);
		assertThat(context.customer()).isEmpty();
		assertThat(context.language()).isEqualTo("en");
	}

	@Test
	void should_record_that_the_member_wrote_when_they_had_blocked_the_bot_or_were_last_seen_long_ago() {
		this.identities.member = new ChatMember(customer("en"), false, NOW.minus(5, ChronoUnit.MINUTES));
		this.contexts.of(event("en")).block();
		this.identities.member = new ChatMember(customer("en"), true, NOW.minus(2, ChronoUnit.HOURS));
		this.contexts.of(event("en")).block();

		assertThat(this.identities.seen).containsExactly("TELEGRAM 42 true", "TELEGRAM 42 true");
	}

	private static ChatEvent event(String language) {
		return new ChatEvent("1", ChatChannel.TELEGRAM, "42", "42", "Mario", language,
				new ChatInput.Command("profile", ""));
	}

	private static Customer customer(String language) {
		return new Customer(new CustomerId(UUID.randomUUID()), "Mario", null, language, null, "REF123", null,
				CustomerStatus.ACTIVE, 1L, "BRONZE", NOW.minus(30, ChronoUnit.DAYS));
	}

	private static final class Identities implements ChatIdentities {

		@Nullable ChatMember member;

		final List<String> seen = new ArrayList<>();

		@Override
		public Mono<Customer> findCustomer(ChatChannel channel, String externalId) {
			return Mono.justOrEmpty(this.member).map(ChatMember::customer);
		}

		@Override
		public Mono<ChatMember> findMember(ChatChannel channel, String externalId) {
			return Mono.justOrEmpty(this.member);
		}

		@Override
		public Mono<Boolean> link(CustomerId customerId, ChatChannel channel, String externalId, String chatId,
				Instant at) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> setReachable(ChatChannel channel, String externalId, boolean reachable, Instant at) {
			return Mono.fromRunnable(() -> this.seen.add(channel + " " + externalId + " " + reachable));
		}

		@Override
		public Flux<ChatAddress> addressesOf(CustomerId customerId) {
			return Flux.empty();
		}

	}

	private static final class Staff implements StaffChats {

		@Nullable StaffMember member;

		final AtomicInteger lookups = new AtomicInteger();

		@Override
		public Mono<Void> insertCode(StaffId staffId, LinkCode code, String createdBy) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<StaffId> useCode(String code, Instant now) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> bind(StaffId staffId, ChatChannel channel, String externalId, String chatId) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<StaffMember> findStaff(ChatChannel channel, String externalId) {
			return Mono.defer(() -> {
				this.lookups.incrementAndGet();
				return Mono.justOrEmpty(this.member);
			});
		}

	}

}
