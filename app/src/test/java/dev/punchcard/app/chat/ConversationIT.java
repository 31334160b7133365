package dev.punchcard.app.chat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import dev.punchcard.app.api.ApiIT;
import dev.punchcard.bot.conversation.ChatFiles;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import static dev.punchcard.app.chat.ChatUser.buttonData;
import static dev.punchcard.app.chat.ChatUser.texts;
import static dev.punchcard.app.chat.ChatUser.words;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and flow through the real conversation engine, over the real core on
 * PostgreSQL and Redis. (The Telegram edge's mapping and sending are tested against
 * WireMock separately.)
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConversationIT extends ApiIT {

	@Autowired
	Conversation conversation;

	@Autowired
	IssueLinkCode issueLinkCode;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	PhotoStore photos;

	private ChatUser ada;

	@BeforeEach
	void givenAShopper() {
		this.ada = new ChatUser(this.conversation, "1001", "Ada <b>Lovelace</b>", "en");
	}

	@Test
	void should_register_send_the_card_and_ask_for_the_phone_when_a_shopper_starts() throws Exception {
		List<OutgoingMessage> reply = this.ada.send("/start");

		assertThat(texts(reply)).contains("Welcome to the club, <b>Ada &lt;b&gt;Lovelace&lt;/b&gt;</b>!");
		OutgoingMessage.Image card = reply.stream()
			.filter(OutgoingMessage.Image.class::isInstance)
			.map(OutgoingMessage.Image.class::cast)
			.findFirst()
			.orElseThrow();
		String code = decode(card.png());
		this.till.get(this.till.adminToken(), "/api/v1/cards/" + code, HttpStatus.OK);
		assertThat(reply).anyMatch(OutgoingMessage.AskForPhone.class::isInstance);
		assertThat(buttonData(reply)).contains("m:profile", "m:card", "m:rewards", "m:purchases", "m:help");

		assertThat(texts(this.ada.send("/start"))).contains("Welcome back");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
	}

	@Test
	void should_stop_promotions_on_telegram_only_and_resume_them_when_the_shopper_starts_again() {
		this.ada.send("/start");

		assertThat(texts(this.ada.send("/stop"))).contains("no more promotions from us here")
			.contains("Send /start to get our offers again");
		assertThat(texts(this.ada.send("/stop"))).contains("You already get no promotions here");
		assertThat(count("SELECT count(*) FROM marketing_consents WHERE channel = 'TELEGRAM' AND opted_out "
				+ "AND source = 'chat:stop'"))
			.isEqualTo(1);
		assertThat(texts(this.ada.send("/help"))).contains("/stop — no more promotions");

		assertThat(texts(this.ada.send("/start"))).contains("you will get promotions here again")
			.contains("Welcome back");
		assertThat(texts(this.ada.send("/start"))).doesNotContain("promotions here again");
		assertThat(count("SELECT count(*) FROM marketing_consents WHERE opted_out")).isZero();
	}

	@Test
	void should_make_this_messenger_the_first_for_notifications_when_a_member_sends_notify() {
		assertThat(texts(this.ada.send("/notify"))).contains("You are not a member yet");
		this.ada.send("/start");

		assertThat(texts(this.ada.send("/notify"))).contains("your notifications (points, vouchers) will come here");
		assertThat(texts(this.ada.send("/notify"))).contains("come here first already");
		assertThat(count("SELECT count(*) FROM customers WHERE preferred_channel = 'TELEGRAM'")).isEqualTo(1);
		assertThat(texts(this.ada.send("/help"))).contains("/notify — get your notifications here");
	}

	@Test
	void should_set_the_home_store_when_started_from_a_store_poster() {
		String store = this.till.openStore();

		this.ada.send("/start s-" + store);

		assertThat(count("SELECT count(*) FROM customers c JOIN stores s ON s.id = c.home_store_id WHERE s.code = '"
				+ store + "'"))
			.isEqualTo(1);
		ChatUser bob = new ChatUser(this.conversation, "1002", "Bob", "en");
		assertThat(texts(bob.send("/start s-NOPE"))).contains("We do not know the store").contains("Welcome");
		ChatUser eve = new ChatUser(this.conversation, "1003", "Eve", "en");
		assertThat(texts(eve.send("/start a=b"))).contains("This link is not valid").contains("Welcome");
	}

	@Test
	void should_pay_the_referral_bonus_to_both_once_when_the_referred_shopper_buys_first() {
		this.ada.send("/start");
		String code = this.db.sql("SELECT referral_code FROM customers")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		ChatUser bob = new ChatUser(this.conversation, "1002", "Bob", "en");
		assertThat(texts(bob.send("/start r-" + code))).contains("A friend invited you");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		String bobCard = cardOf("Bob");

		this.till.purchase(cashier, bobCard, store, "R-1", 10_00, HttpStatus.CREATED);
		this.till.purchase(cashier, bobCard, store, "R-2", 10_00, HttpStatus.CREATED);

		assertThat(count("SELECT count(*) FROM points_ledger_entries WHERE kind = 'BONUS'")).isEqualTo(2);
		assertThat(balanceOf("Bob")).isEqualTo(20 + 50);
		assertThat(balanceOf("Ada <b>Lovelace</b>")).isEqualTo(50);
		assertThat(texts(this.ada.send("/start r-" + code))).as("a member cannot be referred, not even by themself")
			.contains("Welcome back");
	}

	@Test
	void should_accept_only_the_senders_own_contact() {
		this.ada.send("/start");

		assertThat(texts(this.ada.handle(new ChatInput.SharedContact("+4915123456789", "999"))))
			.contains("your own phone number");
		assertThat(texts(this.ada.handle(new ChatInput.SharedContact("4915123456789", null))))
			.contains("your own phone number");
		assertThat(texts(this.ada.handle(new ChatInput.SharedContact("4915123456789", "1001"))))
			.contains("+4915123456789 is saved");
		assertThat(texts(this.ada.send("/profile"))).contains("+4915123456789");
	}

	@Test
	void should_show_profile_card_and_purchases_with_paging_when_a_member_asks() throws Exception {
		assertThat(texts(this.ada.send("/profile"))).contains("not a member yet");
		this.ada.send("/start");
		assertThat(texts(this.ada.send("/purchases"))).contains("No purchases yet");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		for (int i = 1; i <= 7; i++) {
			this.till.purchase(cashier, cardOf("Ada <b>Lovelace</b>"), store, "R-" + i, i * 1_00, HttpStatus.CREATED);
		}

		List<OutgoingMessage> first = this.ada.send("/purchases");
		List<OutgoingMessage> second = this.ada.press("pu:1");

		assertThat(texts(first)).contains("page 1 of 2").contains("7.00 EUR").doesNotContain(" 1.00 EUR");
		assertThat(buttonData(first)).containsExactly("pu:1");
		assertThat(texts(second)).contains("page 2 of 2").contains("1.00 EUR");
		assertThat(buttonData(second)).containsExactly("pu:0");
		assertThat(texts(this.ada.send("/profile"))).contains("Tier: <b>BRONZE</b>")
			.contains("Balance: <b>28</b>")
			.contains("Spend 472.00 EUR more to reach <b>SILVER</b>");
		OutgoingMessage.Image card = (OutgoingMessage.Image) this.ada.press("m:card").get(0);
		assertThat(decode(card.png())).isEqualTo(cardOf("Ada <b>Lovelace</b>"));
	}

	@Test
	void should_redeem_once_after_confirmation_when_a_member_taps_redeem() throws Exception {
		this.ada.send("/start");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		this.till.purchase(cashier, cardOf("Ada <b>Lovelace</b>"), store, "R-1", 100_00, HttpStatus.CREATED);
		String coffee = this.till.reward("Coffee", 30, null).get("id").asText();
		this.till.reward("Bike", 5_000, null);

		List<OutgoingMessage> catalog = this.ada.send("/rewards");
		assertThat(texts(catalog)).contains("Balance: <b>100</b>").contains("Coffee").contains("Bike");
		assertThat(buttonData(catalog)).containsExactly("rw:r:" + coffee);
		List<OutgoingMessage> confirm = this.ada.press("rw:r:" + coffee);
		assertThat(texts(confirm)).contains("Your balance will be 70 points");
		String yes = buttonData(confirm).get(0);

		List<OutgoingMessage> voucher = this.ada.press(yes);
		List<OutgoingMessage> doubleTap = this.ada.press(yes);

		assertThat(texts(voucher)).contains("Here is your voucher for <b>Coffee</b>").contains("Balance: 70");
		assertThat(texts(doubleTap)).isEqualTo(texts(voucher));
		assertThat(count("SELECT count(*) FROM vouchers")).isEqualTo(1);
		String code = decode(((OutgoingMessage.Image) voucher.get(0)).png());
		this.till.post(cashier, "/api/v1/vouchers/" + code + "/honour", Map.of(), HttpStatus.OK);
		assertThat(texts(this.ada.press("rw:y:00000000000000000000000000000000"))).contains("expired");
		assertThat(texts(this.ada.press("rw:r:not-a-uuid"))).contains("no longer available");
		assertThat(texts(this.ada.press("rw:n"))).contains("Nothing was redeemed");
	}

	@Test
	void should_record_a_purchase_when_a_linked_cashier_scans_a_typed_code() {
		this.ada.send("/start");
		ChatUser cashier = linkedCashier();

		assertThat(texts(cashier.send("/scan"))).contains("Send a photo");
		assertThat(texts(cashier.send("NOT-A-CARD"))).contains("not valid");
		assertThat(texts(cashier.send(cardOf("Ada <b>Lovelace</b>").toLowerCase())))
			.contains("Customer: <b>Ada &lt;b&gt;Lovelace&lt;/b&gt;</b>");
		assertThat(texts(cashier.send("twelve"))).contains("not an amount");
		assertThat(texts(cashier.send("12,50"))).contains("receipt number");
		List<OutgoingMessage> confirm = cashier.send("R-77");
		assertThat(texts(confirm)).contains("Record 12.50 EUR on receipt R-77");

		assertThat(texts(cashier.press("sc:y"))).contains("<b>+12</b> points").contains("New balance: 12");
		assertThat(texts(cashier.press("sc:y"))).contains("expired");
		assertThat(balanceOf("Ada <b>Lovelace</b>")).isEqualTo(12);
		assertThat(texts(cashier.send("/help"))).contains("/scan");
		assertThat(texts(this.ada.send("/help"))).doesNotContain("/scan");
		assertThat(texts(this.ada.send("/scan"))).contains("/scan is for cashiers");
	}

	@Test
	void should_read_the_card_from_a_rotated_noisy_photo_when_a_cashier_scans() throws Exception {
		this.ada.send("/start");
		ChatUser cashier = linkedCashier();
		this.photos.put("photo-1", distortedPhoto(cardOf("Ada <b>Lovelace</b>")));
		this.photos.put("photo-2", blankPhoto());
		cashier.send("/scan");

		assertThat(texts(cashier.handle(new ChatInput.Photo("photo-2", 10_000)))).contains("could not read a QR code");
		assertThat(texts(cashier.handle(new ChatInput.Photo("photo-1", 50_000)))).contains("Customer: <b>Ada");
	}

	@Test
	void should_refuse_a_staff_link_code_when_it_is_used_twice() {
		String store = this.till.openStore();
		this.till.staff("CASHIER", store);
		StaffId staffId = this.staffAccounts.all().filter((m) -> m.username().startsWith("cashier-")).blockFirst().id();
		String code = this.issueLinkCode.issue(staffId, ADMIN).block().code();
		ChatUser first = new ChatUser(this.conversation, "2001", "Cash", "en");
		ChatUser second = new ChatUser(this.conversation, "2002", "Other", "en");

		assertThat(texts(first.send("/start staff-" + code))).contains("linked to staff account");
		assertThat(texts(second.send("/start staff-" + code))).contains("unknown, already used or expired");
		assertThat(texts(second.send("/scan"))).contains("/scan is for cashiers");
	}

	@Test
	void should_explain_an_expired_flow_and_leave_flows_on_cancel() {
		ChatUser cashier = linkedCashier();
		cashier.send("/scan");
		assertThat(texts(cashier.send("/cancel"))).contains("nothing is in progress");
		assertThat(texts(cashier.send("12.50"))).contains("did not understand");

		cashier.send("/scan");
		this.redis.delete("chat:flow:telegram:" + cashier.userId).block();

		assertThat(texts(cashier.send("R-1"))).contains("session expired");
		assertThat(texts(cashier.send("R-1"))).contains("did not understand");
	}

	@Test
	void should_answer_in_russian_when_the_language_is_changed() {
		ChatUser ivan = new ChatUser(this.conversation, "3001", "Иван", "ru");
		assertThat(texts(ivan.send("/start"))).contains("Добро пожаловать");
		ivan.send("/lang en");
		assertThat(texts(ivan.send("/help"))).contains("Commands");

		List<OutgoingMessage> choose = ivan.send("/lang");
		assertThat(buttonData(choose)).containsExactly("lang:en", "lang:ru");
		assertThat(texts(ivan.press("lang:ru"))).contains("Язык изменён");
		assertThat(texts(ivan.send("/help"))).contains("Команды");
	}

	@Test
	void should_point_to_help_when_the_input_is_unknown() {
		assertThat(texts(this.ada.send("/dance"))).contains("I do not know /dance").contains("/help");
		assertThat(texts(this.ada.send("hello there"))).contains("/help");
		assertThat(texts(this.ada.handle(new ChatInput.Unsupported()))).contains("/help");
		assertThat(texts(this.ada.press("zz:whatever"))).contains("/help");
		assertThat(texts(this.ada.handle(new ChatInput.Photo("nope", 1)))).contains("/card");
	}

	@Test
	void should_understand_typed_words_in_english_and_russian_when_a_whatsapp_user_types_them() throws Exception {
		ChatUser wa = new ChatUser(this.conversation, ChatChannel.WHATSAPP, "4915100000001", "Wanda", "en");

		assertThat(words(wa.type("Hi!"))).contains("Welcome to the club, Wanda!");
		assertThat(words(wa.type("points"))).contains("Balance: 0 points");
		assertThat(wa.type("  CARD ")).hasAtLeastOneElementOfType(OutgoingMessage.Image.class);
		assertThat(words(wa.type("баллы"))).contains("Balance: 0 points");
		assertThat(words(wa.type("purchases?"))).contains("No purchases yet");
		assertThat(words(wa.type("профиль"))).contains("Wanda").contains("Member since");
		assertThat(words(wa.type("I would like my points please"))).contains("did not understand");
		assertThat(words(wa.type("/help"))).contains("Commands");
	}

	@Test
	void should_name_the_commands_of_the_users_channel_when_a_text_mentions_them() {
		ChatUser wa = new ChatUser(this.conversation, ChatChannel.WHATSAPP, "4915100000002", "Wim", "en");
		ChatUser waRu = new ChatUser(this.conversation, ChatChannel.WHATSAPP, "4915100000003", "Вера", "ru");
		this.ada.send("/start");
		wa.type("start");
		waRu.type("старт");

		assertThat(texts(this.ada.send("/help"))).contains("/profile — your profile").contains("/card");
		assertThat(words(wa.type("help"))).contains("\nprofile — your profile")
			.contains("\ncard — your member QR code")
			.doesNotContain("/");
		assertThat(words(waRu.type("помощь"))).contains("\nпрофиль — ").contains("\nкарта — ").doesNotContain("/");
		assertThat(words(wa.type("dance"))).contains("Send help to see what I can do");
	}

	@Test
	void should_pick_a_choice_by_its_number_on_whatsapp_when_no_flow_waits_for_input() throws Exception {
		ChatUser wa = new ChatUser(this.conversation, ChatChannel.WHATSAPP, "4915100000004", "Nina", "en");
		wa.type("start");

		List<OutgoingMessage> menu = wa.type("menu");
		assertThat(buttonData(menu)).containsExactly("m:profile", "m:card", "m:rewards", "m:purchases", "m:help");
		assertThat(wa.type("2")).hasAtLeastOneElementOfType(OutgoingMessage.Image.class);
		// the card had no choices: an old menu's number picks nothing
		assertThat(words(wa.type("2"))).contains("did not understand");
		wa.type("menu");
		assertThat(words(wa.type("9"))).contains("did not understand");
		wa.type("menu");
		assertThat(words(wa.type("5."))).contains("Commands");

		// on Telegram, where menus are tapped, a typed number is just text
		this.ada.send("/start");
		assertThat(texts(this.ada.send("2"))).contains("did not understand");
	}

	@Test
	void should_leave_typed_numbers_and_words_to_the_flow_when_a_cashier_is_in_one() {
		this.ada.send("/start");
		ChatUser cashier = linkedCashier(ChatChannel.WHATSAPP);
		cashier.type("menu");
		cashier.type("scan");
		cashier.type(cardOf("Ada <b>Lovelace</b>"));

		// 2 is the amount, not the second choice of the menu before
		assertThat(words(cashier.type("2"))).contains("receipt number");
		// "card" is a receipt number here
		assertThat(words(cashier.type("card"))).contains("Record 2.00 EUR on receipt card");
		assertThat(words(cashier.type("cancel"))).contains("nothing is in progress");
	}

	private ChatUser linkedCashier() {
		return linkedCashier(ChatChannel.TELEGRAM);
	}

	private ChatUser linkedCashier(ChatChannel channel) {
		String store = this.till.openStore();
		this.till.staff("CASHIER", store);
		StaffId staffId = this.staffAccounts.all().filter((m) -> m.username().startsWith("cashier-")).blockFirst().id();
		String code = this.issueLinkCode.issue(staffId, ADMIN).block().code();
		ChatUser cashier = new ChatUser(this.conversation, channel, "9" + UUID.randomUUID().toString().substring(0, 6),
				"Cashier", "en");
		// on Telegram the staff link is the /start deep link; on WhatsApp, the typed word
		List<OutgoingMessage> linked = (channel == ChatChannel.TELEGRAM) ? cashier.send("/start staff-" + code)
				: cashier.type("STAFF " + code);
		assertThat(words(linked)).contains("linked to staff account");
		return cashier;
	}

	private String cardOf(String name) {
		return this.db.sql("SELECT card_number FROM customers WHERE name = :name")
			.bind("name", name)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((number) -> this.codes.sign(CodePurpose.CARD, number))
			.block();
	}

	@Autowired
	CodeSigner codes;

	private String customerId(String name) {
		return this.db.sql("SELECT id FROM customers WHERE name = :name")
			.bind("name", name)
			.map((row) -> row.get(0, UUID.class).toString())
			.one()
			.block();
	}

	private long balanceOf(String name) {
		return count("SELECT b.balance FROM points_balances b JOIN customers c ON c.id = b.customer_id WHERE c.name = '"
				+ name.replace("'", "''") + "'");
	}

	private long count(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value == null ? 0 : value.longValue();
	}

	private static String decode(byte[] png) throws Exception {
		return new dev.punchcard.bot.scan.QrPhotoDecoder(dev.punchcard.bot.scan.QrDecodingSettings.defaults())
			.decode(png)
			.orElseThrow();
	}

	private static byte[] distortedPhoto(String code) throws IOException {
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrImage.png(code, 400)));
		BufferedImage photo = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(new Color(200, 190, 170));
		g.fillRect(0, 0, 640, 640);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.rotate(Math.toRadians(17), 320, 320);
		g.drawImage(qr, 120, 120, 400, 400, null);
		g.dispose();
		Random noise = new Random(42);
		for (int i = 0; i < 12_000; i++) {
			photo.setRGB(noise.nextInt(640), noise.nextInt(640), noise.nextBoolean() ? 0x202020 : 0xE0E0E0);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(photo, "jpg", out);
		return out.toByteArray();
	}

	private static byte[] blankPhoto() throws IOException {
		BufferedImage photo = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(photo, "png", out);
		return out.toByteArray();
	}

	/** Photos "uploaded" to the chat platform, by file id. */
	static final class PhotoStore implements ChatFiles {

		private final Map<String, byte[]> files = new ConcurrentHashMap<>();

		void put(String fileId, byte[] bytes) {
			this.files.put(fileId, bytes);
		}

		@Override
		public ChatChannel channel() {
			return ChatChannel.TELEGRAM;
		}

		@Override
		public Mono<byte[]> download(String fileId, long maxBytes) {
			return Mono.justOrEmpty(this.files.get(fileId)).filter((bytes) -> bytes.length <= maxBytes);
		}

	}

	@TestConfiguration
	static class Photos {

		@Bean
		PhotoStore photoStore() {
			return new PhotoStore();
		}

	}

}
