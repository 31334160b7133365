package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.application.ContactOutcome.JoinedMember;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneSaved;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneTaken;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;

import static dev.punchcard.core.shared.domain.ChatChannel.TELEGRAM;
import static dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

class ShareContactTest {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryChatIdentities identities = new InMemoryChatIdentities(this.customers);

	private final InMemoryCustomerMerges merges = new InMemoryCustomerMerges(this.customers, this.identities,
			this.ledger);

	private final ShareContact shareContact = new ShareContact(this.identities, this.customers, new PhoneNumbers("DE"),
			this.merges);

	private final Customer telegram = member(TELEGRAM, "100");

	@Test
	void should_save_the_phone_when_nobody_has_it() {
		assertThat(share()).isEqualTo(new PhoneSaved("+4915112345678"));
	}

	@Test
	void should_join_the_holder_and_retire_the_empty_membership_when_the_holder_has_no_telegram_account() {
		Customer holder = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		this.ledger.give(holder.id(), 30);

		assertThat(share()).isEqualTo(new JoinedMember(holder));

		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(holder.id());
		assertThat(this.customers.findById(this.telegram.id()).block()).isNull();
	}

	@Test
	void should_change_nothing_when_the_senders_membership_has_history() {
		Customer holder = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		this.ledger.give(this.telegram.id(), 5);

		assertThat(share()).isEqualTo(new PhoneTaken());

		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(this.telegram.id());
		assertThat(this.customers.get(holder.id()).phone()).isEqualTo("+4915112345678");
	}

	@Test
	void should_change_nothing_when_the_holder_has_an_account_on_this_channel_already() {
		Customer holder = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		this.identities.link(holder.id(), TELEGRAM, "999", "999", TestClock.NOW).block();

		assertThat(share()).isEqualTo(new PhoneTaken());
		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(this.telegram.id());
	}

	@Test
	void should_join_the_holder_when_it_is_on_another_channel_only() {
		Customer holder = member(WHATSAPP, "4915112345678");
		this.customers.changePhone(holder.id(), "+4915112345678").block();

		assertThat(share()).isInstanceOf(JoinedMember.class);
		assertThat(this.identities.ownerOf(TELEGRAM, "100")).isEqualTo(holder.id());
	}

	private ContactOutcome share() {
		return this.shareContact.share(TELEGRAM, "100", "4915112345678").block();
	}

	private Customer member(dev.punchcard.core.shared.domain.ChatChannel channel, String externalId) {
		Customer customer = this.customers.save(CustomerFixture.aCustomer().build());
		this.identities.link(customer.id(), channel, externalId, externalId, TestClock.NOW).block();
		return customer;
	}

}
