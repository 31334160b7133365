package dev.punchcard.bot.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.punchcard.bot.template.TemplateValuesFixture;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.campaign.application.InMemoryCampaignVouchers;
import dev.punchcard.core.campaign.application.IssueCampaignVoucher;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.reward.application.InMemoryRewards;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BroadcastSenderTest {

	private final InMemoryBroadcastWork work = new InMemoryBroadcastWork();

	private final InMemoryTemplates templates = new InMemoryTemplates();

	private final InMemoryMemberFields members = new InMemoryMemberFields();

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryRewards rewards = new InMemoryRewards();

	private final InMemoryCampaignVouchers vouchers = new InMemoryCampaignVouchers();

	private final RecordingChannel telegram = new RecordingChannel(ChatChannel.TELEGRAM);

	private final RecordingChannel whatsApp = new RecordingChannel(ChatChannel.WHATSAPP);

	private final BroadcastSendingProperties settings = BroadcastFixture.settings("batch-size=2", "max-attempts=3",
			"backoff-base=30s", "backoff-cap=10m", "idle-poll=20ms", "stop-grace=5s");

	private final BroadcastSender sender = sender(this.telegram);

	@Test
	void should_settle_each_recipient_as_sent_with_the_message_id_when_the_channel_accepts_it() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		ClaimedRecipient ann = queue(1, "Ann Lee", "tg-1", "en", template, BroadcastFixture.greetingUse());
		ClaimedRecipient bob = queue(2, "Bob", "tg-2", "en", template, BroadcastFixture.greetingUse());
		ClaimedRecipient eve = queue(3, "Eve", "tg-3", "en", template, BroadcastFixture.greetingUse());

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.lastOf(ann.recipientId())).isEqualTo(new SendResult.Sent("m-tg-1-1"));
		assertThat(this.work.lastOf(bob.recipientId())).isEqualTo(new SendResult.Sent("m-tg-2-1"));
		assertThat(this.work.lastOf(eve.recipientId())).isEqualTo(new SendResult.Sent("m-tg-3-1"));
		assertThat(this.telegram.givenTo("tg-1").get(0).rendered().text()).isEqualTo("Hi Ann");
		assertThat(this.telegram.givenTo("tg-1").get(0).rendered().address()).as("the claimed chat").isEqualTo("tg-1");
		// a full batch (2) is followed by another claim at once; the short one (1) ends
		// the round
		assertThat(this.work.claims()).isEqualTo(2);
		assertThat(this.members.reads()).as("one read of the members per batch").isEqualTo(2);
	}

	@Test
	void should_render_the_template_in_the_recipients_language_when_it_has_it() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		queue(1, "Иван Петров", "tg-1", "ru", template, BroadcastFixture.greetingUse());

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.telegram.givenTo("tg-1").get(0).rendered().text()).isEqualTo("Привет, Иван");
	}

	@Test
	void should_issue_the_campaign_voucher_once_when_the_send_is_retried() {
		Reward coffee = this.rewards.save(RewardFixture.aReward().named("Coffee").withStock(5).build());
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramVoucher());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.voucherUse(coffee.id()));
		this.telegram.answer("tg-1", () -> Mono.error(new BroadcastSendException("500", "Internal Server Error")));

		this.sender.drain().as(StepVerifier::create).verifyComplete();
		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.resultsOf(ann.recipientId())).hasSize(2).first().isInstanceOf(SendResult.RetryAt.class);
		assertThat(this.work.lastOf(ann.recipientId())).isInstanceOf(SendResult.Sent.class);
		assertThat(this.vouchers.all()).as("one voucher however often it is sent").hasSize(1);
		assertThat(this.rewards.stockOf(coffee.id())).isEqualTo(4);
		String code = CodeSignerFixture.voucherCode(this.vouchers.all().get(0).serial());
		assertThat(this.telegram.givenTo("tg-1")).extracting((given) -> given.rendered().text())
			.containsExactly("Your code: " + code, "Your code: " + code);
	}

	@Test
	void should_fail_the_recipient_without_sending_when_the_vouchers_reward_is_out_of_stock() {
		Reward gone = this.rewards.save(RewardFixture.aReward().named("Cake").withStock(0).build());
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramVoucher());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.voucherUse(gone.id()));

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.lastOf(ann.recipientId())).isInstanceOfSatisfying(SendResult.Failed.class,
				(failed) -> assertThat(failed.code()).isEqualTo("VOUCHER_OUT_OF_STOCK"));
		assertThat(this.telegram.given()).isEmpty();
		assertThat(this.vouchers.all()).isEmpty();
	}

	@Test
	void should_retry_with_growing_backoff_then_fail_with_the_code_when_the_attempts_are_used_up() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.greetingUse());
		this.telegram.answer("tg-1", () -> Mono.error(new BroadcastSendException("502", "Bad Gateway")),
				() -> Mono.error(new BroadcastSendException("502", "Bad Gateway")),
				() -> Mono.error(new BroadcastSendException("502", "Bad Gateway")));

		for (int i = 0; i < 3; i++) {
			this.sender.drain().as(StepVerifier::create).verifyComplete();
		}

		List<SendResult> results = this.work.resultsOf(ann.recipientId());
		assertThat(results).hasSize(3);
		// base 30 s, doubled per attempt, less up to half of it at random
		assertThat(InMemoryBroadcastWork.retryTime(results.get(0))).isBetween(TestClock.NOW.plusSeconds(15),
				TestClock.NOW.plusSeconds(30));
		assertThat(InMemoryBroadcastWork.retryTime(results.get(1))).isBetween(TestClock.NOW.plusSeconds(30),
				TestClock.NOW.plusSeconds(60));
		assertThat(results.get(2)).isInstanceOfSatisfying(SendResult.Failed.class, (failed) -> {
			assertThat(failed.code()).isEqualTo("502");
			assertThat(failed.reason()).contains("Bad Gateway").contains("3 attempts");
		});
		assertThat(this.work.queuedCount()).isZero();
	}

	@Test
	void should_keep_sending_to_the_others_when_one_recipient_fails() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.greetingUse());
		ClaimedRecipient bob = queue(2, "Bob", "tg-2", "en", template, BroadcastFixture.greetingUse());
		ClaimedRecipient ghost = BroadcastFixture.recipient(3, CustomerFixture.aCustomer().build().id(),
				ChatChannel.TELEGRAM, "tg-3", "en", template, BroadcastFixture.greetingUse());
		this.work.queue(ghost);
		this.telegram.answer("tg-1", () -> {
			throw new IllegalStateException("a bug in the edge (test)");
		});

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.resultsOf(ann.recipientId()).get(0)).isInstanceOfSatisfying(SendResult.RetryAt.class,
				(retry) -> assertThat(retry.code()).isEqualTo("ERROR"));
		assertThat(this.work.lastOf(bob.recipientId())).isInstanceOf(SendResult.Sent.class);
		assertThat(this.work.lastOf(ghost.recipientId())).isInstanceOfSatisfying(SendResult.Failed.class,
				(failed) -> assertThat(failed.code()).isEqualTo("UNKNOWN_MEMBER"));
	}

	@Test
	void should_settle_what_the_channel_answered_when_it_skips_the_member() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.greetingUse());
		SendResult blocked = new SendResult.Skipped(SkipReason.UNREACHABLE, "403", "bot was blocked by the user");
		this.telegram.answer("tg-1", () -> Mono.just(blocked));

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.resultsOf(ann.recipientId())).containsExactly(blocked);
	}

	@Test
	void should_pause_the_broadcast_without_sending_when_its_whatsapp_template_is_paused() {
		MessageTemplate paused = this.templates
			.save(BroadcastFixture.whatsApp("spring_sale", "en_US", TemplateStatus.PAUSED));
		BroadcastSender sender = sender(this.whatsApp);
		ClaimedRecipient ann = queue(1, "Ann", "4915100000001", "en", paused, BroadcastFixture.whatsAppUse(),
				ChatChannel.WHATSAPP);

		sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.lastOf(ann.recipientId())).isInstanceOfSatisfying(SendResult.PauseBroadcast.class,
				(pause) -> {
					assertThat(pause.code()).isEqualTo("TEMPLATE_NOT_SENDABLE");
					assertThat(pause.reason()).contains("paused");
				});
		assertThat(this.work.isPaused(BroadcastFixture.BROADCAST)).isTrue();
		assertThat(this.work.queuedCount()).as("back in the queue, untouched").isEqualTo(1);
		assertThat(this.whatsApp.given()).isEmpty();
	}

	@Test
	void should_send_the_whatsapp_template_of_the_recipients_language_when_one_is_approved() {
		MessageTemplate english = this.templates
			.save(BroadcastFixture.whatsApp("spring_sale", "en_US", TemplateStatus.APPROVED));
		this.templates.save(BroadcastFixture.whatsApp("spring_sale", "ru", TemplateStatus.APPROVED));
		this.templates.save(BroadcastFixture.whatsApp("spring_sale", "de", TemplateStatus.PAUSED));
		BroadcastSender sender = sender(this.whatsApp);
		queue(1, "Ann", "4915100000001", "en", english, BroadcastFixture.whatsAppUse(), ChatChannel.WHATSAPP);
		queue(2, "Иван", "4915100000002", "ru", english, BroadcastFixture.whatsAppUse(), ChatChannel.WHATSAPP);
		queue(3, "Jörg", "4915100000003", "de", english, BroadcastFixture.whatsAppUse(), ChatChannel.WHATSAPP);

		sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.whatsApp.givenTo("4915100000001").get(0).rendered().text()).isEqualTo("en_US:Ann");
		assertThat(this.whatsApp.givenTo("4915100000002").get(0).rendered().text()).isEqualTo("ru:Иван");
		assertThat(this.whatsApp.givenTo("4915100000003").get(0).rendered().text())
			.as("the German one is paused: the broadcast's own")
			.isEqualTo("en_US:Jörg");
	}

	@Test
	void should_claim_nothing_while_the_channel_cannot_send() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.greetingUse());
		this.telegram.ready(false);

		this.sender.drain().as(StepVerifier::create).verifyComplete();

		assertThat(this.work.claims()).isZero();
		assertThat(this.work.queuedCount()).isEqualTo(1);
	}

	@Test
	void should_claim_nothing_more_and_let_the_batch_in_flight_settle_when_stopped() {
		MessageTemplate template = this.templates.save(BroadcastFixture.telegramGreeting());
		ClaimedRecipient ann = queue(1, "Ann", "tg-1", "en", template, BroadcastFixture.greetingUse());
		Sinks.One<SendResult> platform = Sinks.one();
		this.telegram.answer("tg-1", platform::asMono);
		AtomicBoolean stopped = new AtomicBoolean();
		this.sender.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.telegram.given().isEmpty());

		this.sender.stop(() -> stopped.set(true));
		ClaimedRecipient late = queue(2, "Bob", "tg-2", "en", template, BroadcastFixture.greetingUse());
		assertThat(stopped).as("waits for the send in flight").isFalse();
		platform.tryEmitValue(new SendResult.Sent("42"));

		await().atMost(Duration.ofSeconds(5)).untilTrue(stopped);
		assertThat(this.work.lastOf(ann.recipientId())).isEqualTo(new SendResult.Sent("42"));
		assertThat(this.sender.isRunning()).isFalse();
		assertThat(this.work.lastOf(late.recipientId())).as("claimed by no one after the stop").isNull();
	}

	private BroadcastSender sender(RecordingChannel channel) {
		IssueCampaignVoucher issue = new IssueCampaignVoucher(this.customers, this.rewards, this.vouchers, this.ledger,
				new RedeemReward.Issuer(CodeSignerFixture.signer(), TestClock.fixed()));
		BroadcastRendering rendering = new BroadcastRendering(issue, TemplateValuesFixture.values(), List
			.of(BroadcastFixture.renderer(ChatChannel.TELEGRAM), BroadcastFixture.renderer(ChatChannel.WHATSAPP)),
				CodeSignerFixture.signer());
		return new BroadcastSender(this.work, channel,
				new BroadcastSender.Sources(this.templates.catalog(), this.members, rendering),
				new BroadcastBackoff(this.settings, TestClock.fixed()), this.settings);
	}

	private ClaimedRecipient queue(long id, String name, String chatId, String language, MessageTemplate template,
			TemplateUse use) {
		return queue(id, name, chatId, language, template, use, ChatChannel.TELEGRAM);
	}

	private ClaimedRecipient queue(long id, String name, String chatId, String language, MessageTemplate template,
			TemplateUse use, ChatChannel channel) {
		Customer customer = this.customers
			.save(CustomerFixture.aCustomer().named(name).withCardNumber(1000 + id).build());
		this.members.save(BroadcastFixture.member(customer.id(), name, "en", 1000 + id));
		ClaimedRecipient recipient = BroadcastFixture.recipient(id, customer.id(), channel, chatId, language, template,
				use);
		this.work.queue(recipient);
		return recipient;
	}

}
