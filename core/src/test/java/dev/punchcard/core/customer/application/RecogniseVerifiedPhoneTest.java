package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

class RecogniseVerifiedPhoneTest {

	private final InMemoryCustomers customers = new InMemoryCustomers(new InMemoryPointsLedger());

	private final InMemoryChatIdentities identities = new InMemoryChatIdentities(this.customers);

	private final RecogniseVerifiedPhone recognise = new RecogniseVerifiedPhone(this.identities, this.customers,
			TestClock.fixed());

	@Test
	void should_link_the_account_to_the_member_with_the_number_when_there_is_one() {
		Customer member = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());

		this.recognise.recognise(WHATSAPP, "4915112345678", "4915112345678", "+4915112345678")
			.as(StepVerifier::create)
			.expectNext(member)
			.verifyComplete();
		assertThat(this.identities.ownerOf(WHATSAPP, "4915112345678")).isEqualTo(member.id());
	}

	@Test
	void should_complete_empty_and_link_nothing_when_nobody_has_the_number() {
		this.recognise.recognise(WHATSAPP, "4915112345678", "4915112345678", "+4915112345678")
			.as(StepVerifier::create)
			.verifyComplete();
		assertThat(this.identities.ownerOf(WHATSAPP, "4915112345678")).isNull();
	}

}
