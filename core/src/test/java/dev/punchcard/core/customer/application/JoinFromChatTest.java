package dev.punchcard.core.customer.application;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.JoinOutcome.AlreadyMember;
import dev.punchcard.core.customer.application.JoinOutcome.Joined;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;

import static dev.punchcard.core.shared.domain.ChatChannel.TELEGRAM;
import static dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JoinFromChatTest {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryChatIdentities identities = new InMemoryChatIdentities(this.customers);

	private final JoinFromChat joinFromChat = new JoinFromChat(this.identities, this.customers, new InMemoryStores(),
			CodeSignerFixture.signer(), new EnrolCustomer.EnrolmentDefaults("BRONZE", TestClock.fixed()));

	@Test
	void should_join_the_member_with_the_verified_phone_when_one_enrolled_at_the_till() {
		Customer enrolled = this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		this.ledger.give(enrolled.id(), 70);

		JoinOutcome outcome = this.joinFromChat.join(whatsApp("4915112345678", "+4915112345678")).block();

		assertThat(outcome).isEqualTo(new AlreadyMember(enrolled));
		assertThat(this.identities.ownerOf(WHATSAPP, "4915112345678")).isEqualTo(enrolled.id());
	}

	@Test
	void should_give_a_new_member_the_verified_phone_when_nobody_has_it() {
		JoinOutcome outcome = this.joinFromChat.join(whatsApp("4915112345678", "+4915112345678")).block();

		assertThat(outcome).isInstanceOfSatisfying(Joined.class,
				(joined) -> assertThat(joined.customer().phone()).isEqualTo("+4915112345678"));
	}

	@Test
	void should_register_a_new_member_without_a_phone_when_the_platform_verified_none() {
		this.customers.save(CustomerFixture.aCustomer().withPhone("+4915112345678").build());

		JoinOutcome outcome = this.joinFromChat
			.join(new JoinFromChatCommand(TELEGRAM, "4915112345678", "1", "Ada", "en", null, null))
			.block();

		assertThat(outcome).isInstanceOfSatisfying(Joined.class,
				(joined) -> assertThat(joined.customer().phone()).isNull());
	}

	@Test
	void should_refuse_a_verified_phone_that_is_not_in_e164() {
		assertThatIllegalArgumentException().isThrownBy(() -> whatsApp("4915112345678", "4915112345678"));
	}

	private static JoinFromChatCommand whatsApp(String waId, String verifiedPhone) {
		return new JoinFromChatCommand(WHATSAPP, waId, waId, "Ada", "en", null, null, verifiedPhone);
	}

}
