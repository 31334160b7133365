package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.customer.application.LinkOutcome.AlreadyLinked;
import dev.punchcard.core.customer.application.LinkOutcome.BothHaveHistory;
import dev.punchcard.core.customer.application.LinkOutcome.InvalidCode;
import dev.punchcard.core.customer.application.LinkOutcome.Linked;
import dev.punchcard.core.customer.application.LinkOutcome.SameChannel;
import dev.punchcard.core.customer.application.LinkOutcome.TooManyAttempts;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;

import static dev.punchcard.core.shared.domain.ChatChannel.TELEGRAM;
import static dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

class LinkChatsTest {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryChatIdentities identities = new InMemoryChatIdentities(this.customers);

	private final InMemoryCustomerMerges merges = new InMemoryCustomerMerges(this.customers, this.identities,
			this.ledger);

	private final InMemoryChatLinkCodes codes = new InMemoryChatLinkCodes();

	private final IssueChatLinkCode issue = new IssueChatLinkCode(this.codes, TestClock.fixed());

	private final Customer ada = member("100", TELEGRAM);

	@Test
	void should_link_the_account_to_the_codes_member_when_it_belongs_to_nobody() {
		ChatLinkCode code = issue(this.ada, TELEGRAM);

		LinkOutcome outcome = link(WHATSAPP, "4915100000001", code.grouped().toLowerCase());

		assertThat(outcome).isEqualTo(new Linked(this.ada, false));
		assertThat(this.identities.ownerOf(WHATSAPP, "4915100000001")).isEqualTo(this.ada.id());
	}

	@Test
	void should_move_the_accounts_of_an_empty_member_and_retire_it_when_the_sender_has_one() {
		this.ledger.give(this.ada.id(), 120);
		Customer empty = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915100000001").build());
		this.identities.link(empty.id(), WHATSAPP, "4915100000001", "4915100000001", TestClock.NOW).block();

		LinkOutcome outcome = link(WHATSAPP, "4915100000001", issue(this.ada, TELEGRAM).code());

		assertThat(outcome).isInstanceOfSatisfying(Linked.class, (linked) -> {
			assertThat(linked.member().id()).isEqualTo(this.ada.id());
			assertThat(linked.merged()).isTrue();
			assertThat(linked.member().phone()).as("takes over the retired member's number")
				.isEqualTo("+4915100000001");
		});
		assertThat(this.identities.ownerOf(WHATSAPP, "4915100000001")).isEqualTo(this.ada.id());
		assertThat(this.customers.findById(empty.id()).block()).isNull();
		assertThat(this.ledger.balance(this.ada.id())).isEqualTo(120);
	}

	@Test
	void should_fold_the_codes_member_into_the_senders_when_only_the_sender_has_history() {
		Customer bob = member("4915100000002", WHATSAPP);
		this.ledger.give(bob.id(), 40);

		LinkOutcome outcome = link(WHATSAPP, "4915100000002", issue(this.ada, TELEGRAM).code());

		assertThat(outcome).isEqualTo(new Linked(bob, true));
		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(bob.id());
		assertThat(this.customers.findById(this.ada.id()).block()).isNull();
	}

	@Test
	void should_refuse_and_keep_both_members_when_both_have_history() {
		Customer bob = member("4915100000002", WHATSAPP);
		this.ledger.give(this.ada.id(), 10);
		this.merges.giveHistory(bob.id());

		LinkOutcome outcome = link(WHATSAPP, "4915100000002", issue(this.ada, TELEGRAM).code());

		assertThat(outcome).isEqualTo(new BothHaveHistory());
		assertThat(this.identities.ownerOf(WHATSAPP, "4915100000002")).isEqualTo(bob.id());
		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(this.ada.id());
	}

	@Test
	void should_refuse_and_keep_the_code_usable_when_it_is_sent_on_the_channel_it_came_from() {
		ChatLinkCode code = issue(this.ada, TELEGRAM);

		assertThat(link(TELEGRAM, "200", code.code())).isEqualTo(new SameChannel(TELEGRAM));

		assertThat(link(WHATSAPP, "4915100000001", code.code())).isEqualTo(new Linked(this.ada, false));
	}

	@Test
	void should_answer_already_linked_when_the_account_is_the_codes_member_already() {
		this.identities.link(this.ada.id(), WHATSAPP, "4915100000001", "4915100000001", TestClock.NOW).block();

		assertThat(link(WHATSAPP, "4915100000001", issue(this.ada, TELEGRAM).code()))
			.isEqualTo(new AlreadyLinked(this.ada));
	}

	@Test
	void should_change_nothing_when_the_code_is_unknown_used_or_expired() {
		ChatLinkCode used = issue(this.ada, TELEGRAM);
		link(WHATSAPP, "4915100000001", used.code());
		ChatLinkCode expiring = issue(this.ada, TELEGRAM);
		LinkChats later = linkChatsAt(TestClock.NOW.plus(IssueChatLinkCode.VALIDITY));

		assertThat(link(WHATSAPP, "4915100000009", used.code())).isEqualTo(new InvalidCode());
		assertThat(link(WHATSAPP, "4915100000009", "ZZZZ-ZZZZ")).isEqualTo(new InvalidCode());
		assertThat(link(WHATSAPP, "4915100000009", "not a code")).isEqualTo(new InvalidCode());
		assertThat(later.link(new LinkChatsCommand(WHATSAPP, "4915100000009", "c", expiring.code())).block())
			.isEqualTo(new InvalidCode());
		assertThat(this.identities.ownerOf(WHATSAPP, "4915100000009")).isNull();
	}

	@Test
	void should_stop_trying_codes_after_five_wrong_ones_until_the_window_has_passed() {
		ChatLinkCode code = issue(this.ada, TELEGRAM);
		for (int i = 0; i < LinkChats.MAX_FAILURES; i++) {
			assertThat(link(WHATSAPP, "4915100000001", "AAAA-AAA" + i)).isEqualTo(new InvalidCode());
		}

		assertThat(link(WHATSAPP, "4915100000001", code.code())).isEqualTo(new TooManyAttempts());
		assertThat(link(WHATSAPP, "4915100000002", "AAAA-AAAA")).as("other accounts may still try")
			.isEqualTo(new InvalidCode());
		ChatLinkCode fresh = new IssueChatLinkCode(this.codes, TestClock.later(LinkChats.FAILURE_WINDOW))
			.issue(this.ada.id(), TELEGRAM)
			.block();
		LinkChats afterWindow = linkChatsAt(TestClock.NOW.plus(LinkChats.FAILURE_WINDOW));
		assertThat(afterWindow.link(new LinkChatsCommand(WHATSAPP, "4915100000001", "c", fresh.code())).block())
			.isEqualTo(new Linked(this.ada, false));
	}

	@Test
	void should_accept_only_the_newest_code_when_a_member_asked_twice() {
		ChatLinkCode first = issue(this.ada, TELEGRAM);
		ChatLinkCode second = issue(this.ada, TELEGRAM);

		assertThat(link(WHATSAPP, "4915100000001", first.code())).isEqualTo(new InvalidCode());
		assertThat(link(WHATSAPP, "4915100000001", second.code())).isEqualTo(new Linked(this.ada, false));
	}

	@Test
	void should_read_the_code_the_crockford_way() {
		assertThat(ChatLinkCode.normalised(" ab0i-l2kz ")).contains("AB0112KZ");
		assertThat(ChatLinkCode.normalised("abOo1234")).contains("AB001234");
		assertThat(ChatLinkCode.normalised("ABCD-EFGU")).as("U is not in the alphabet").isEmpty();
		assertThat(ChatLinkCode.normalised("ABCDEFG")).isEmpty();
		assertThat(issue(this.ada, TELEGRAM).code()).matches("[0-9A-HJKMNP-TV-Z]{8}");
	}

	private Customer member(String externalId, ChatChannel channel) {
		Customer customer = this.customers.save(CustomerFixture.aCustomer().build());
		this.identities.link(customer.id(), channel, externalId, externalId, TestClock.NOW).block();
		return customer;
	}

	private ChatLinkCode issue(Customer member, ChatChannel channel) {
		return this.issue.issue(member.id(), channel).block();
	}

	private LinkOutcome link(ChatChannel channel, String externalId, String code) {
		return linkChatsAt(TestClock.NOW).link(new LinkChatsCommand(channel, externalId, externalId, code)).block();
	}

	private LinkChats linkChatsAt(Instant now) {
		return new LinkChats(this.codes, this.identities, this.customers, this.merges, TestClock.at(now));
	}

}
