package dev.punchcard.core.customer.application;

import java.time.Instant;
import java.util.Map;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.points.domain.ProgramFixture;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.application.InMemoryExpiryLedger;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.points.application.NextExpiries;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class FindMembersTest {

	private final InMemoryCustomers customers = new InMemoryCustomers(new InMemoryPointsLedger());

	private final CodeSigner codes = new CodeSigner(
			Map.of('A', "find-members-test-secret-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
			'A');

	private final CustomerViews views = new CustomerViews() {

		@Override
		public Mono<CustomerView> findById(CustomerId id, Instant spendSince) {
			return FindMembersTest.this.customers.findById(id).map(FindMembersTest::view);
		}

		@Override
		public Mono<CustomerView> findByCardNumber(long cardNumber, Instant spendSince) {
			return FindMembersTest.this.customers.findByCardNumber(cardNumber).map(FindMembersTest::view);
		}

	};

	private final FindMembers find = new FindMembers(
			new CustomerProfiles(this.views, this.codes, ProgramFixture.tiers(),
					new NextExpiries(new InMemoryExpiryLedger(new InMemoryPointsLedger(), new InMemoryNotifications()),
							TestClock.fixed()),
					TestClock.fixed()),
			this.customers, new PhoneNumbers("DE"));

	@Test
	void should_find_the_card_holder_when_the_text_is_their_card_code() {
		Customer anna = this.customers.save(CustomerFixture.aCustomer().named("Anna").build());

		this.find.find(" " + this.codes.sign(CodePurpose.CARD, anna.cardNumber()) + " ")
			.as(StepVerifier::create)
			.assertNext((match) -> assertThat(match.id()).isEqualTo(anna.id()))
			.verifyComplete();
	}

	@Test
	void should_find_the_member_by_phone_when_written_nationally() {
		Customer anna = this.customers
			.save(CustomerFixture.aCustomer().named("Anna").withPhone("+4915112345678").build());

		this.find.find("0151 12345678")
			.as(StepVerifier::create)
			.assertNext((match) -> assertThat(match.phone()).isEqualTo(anna.phone()))
			.verifyComplete();
	}

	@Test
	void should_find_members_by_the_start_of_their_name_ignoring_case_in_name_order() {
		this.customers.save(CustomerFixture.aCustomer().named("Marta Weiss").build());
		this.customers.save(CustomerFixture.aCustomer().named("mark Olsen").build());
		this.customers.save(CustomerFixture.aCustomer().named("Anna Mar").build());

		this.find.find("MAR")
			.map(MemberMatch::name)
			.as(StepVerifier::create)
			.expectNext("mark Olsen", "Marta Weiss")
			.verifyComplete();
	}

	@Test
	void should_find_nobody_when_the_text_is_blank_or_a_single_letter() {
		this.customers.save(CustomerFixture.aCustomer().named("Anna").build());

		this.find.find("  ").as(StepVerifier::create).verifyComplete();
		this.find.find("A").as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_find_nobody_when_a_forged_card_code_matches_no_name() {
		Customer anna = this.customers.save(CustomerFixture.aCustomer().named("Anna").build());
		CodeSigner forger = new CodeSigner(
				Map.of('A',
						"another-secret-0123456789abcdefghijklmn".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				'A');

		this.find.find(forger.sign(CodePurpose.CARD, anna.cardNumber())).as(StepVerifier::create).verifyComplete();
	}

	private static CustomerView view(Customer customer) {
		return new CustomerView(customer, null, 0, 0, null, null);
	}

}
