package dev.punchcard.app.chat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.app.api.ApiIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static dev.punchcard.app.chat.ChatUser.texts;
import static dev.punchcard.app.chat.ChatUser.words;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One member on both messengers, through the real engine and core on PostgreSQL: the
 * phone number WhatsApp verified finds the member enrolled at the till or on Telegram,
 * and link codes join chats whose numbers differ.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class LinkedChatsIT extends ApiIT {

	private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

	@Autowired
	Conversation conversation;

	@Autowired
	CodeSigner codes;

	private String store;

	private String cashier;

	@BeforeEach
	void givenAStoreAndACashier() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
	}

	@Test
	void should_show_the_till_members_balance_when_they_first_write_on_whatsapp_from_that_number() {
		String card = this.till
			.post(this.cashier, "/api/v1/customers", Map.of("name", "Tilda", "phone", "+4915111111111"),
					HttpStatus.CREATED)
			.get("cardCode")
			.asText();
		this.till.purchase(this.cashier, card, this.store, "R-1", 25_00, HttpStatus.CREATED);
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915111111111", "Tilda on WhatsApp", "en");

		assertThat(words(wa.type("points"))).contains("Balance: 25 points");
		assertThat(words(wa.type("hi"))).contains("Welcome back, Tilda! Your balance is 25 points.");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		ChatUser typedOnly = new ChatUser(this.conversation, ChatChannel.WHATSAPP, "US.4915111111111", "Bsuid", "en");
		assertThat(words(typedOnly.type("points"))).as("a BSUID proves no phone number").contains("not a member");
	}

	@Test
	void should_keep_one_balance_on_both_channels_when_whatsapp_verifies_the_number_a_telegram_member_shared() {
		ChatUser telegram = new ChatUser(this.conversation, "2001", "Tom", "en");
		telegram.send("/start");
		assertThat(texts(telegram.handle(new ChatInput.SharedContact("4915122222222", "2001"))))
			.contains("+4915122222222 is saved");
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915122222222", "Tom", "en");

		assertThat(words(wa.type("Hi!"))).contains("Welcome back, Tom!");
		this.till.purchase(this.cashier, cardOf("Tom"), this.store, "R-1", 30_00, HttpStatus.CREATED);

		assertThat(words(wa.type("points"))).contains("Balance: 30 points");
		assertThat(texts(telegram.send("/rewards"))).contains("Balance: <b>30</b> points");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
	}

	@Test
	void should_give_a_new_whatsapp_member_the_number_whatsapp_verified() {
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915155555555", "Nora", "en");

		assertThat(words(wa.type("hi"))).contains("Welcome to the club, Nora!").doesNotContain("Share your phone");
		assertThat(words(wa.type("profile"))).contains("Phone: +4915155555555");
	}

	@Test
	void should_join_a_whatsapp_chat_to_the_telegram_member_with_the_code_from_link() {
		ChatUser telegram = new ChatUser(this.conversation, "2002", "Lena", "en");
		telegram.send("/start");
		this.till.purchase(this.cashier, cardOf("Lena"), this.store, "R-1", 12_00, HttpStatus.CREATED);
		String reply = texts(telegram.send("/link"));
		assertThat(reply).contains("WhatsApp").contains("10 minutes");
		String code = code(reply);
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915133333333", "Lena WA", "en");

		assertThat(words(wa.type("link " + code))).contains("this chat now shows the membership of Lena")
			.contains("12 points");
		assertThat(words(wa.type("points"))).contains("Balance: 12 points");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		ChatUser stranger = ChatUser.onWhatsApp(this.conversation, "4915133333334", "Eve", "en");
		assertThat(words(stranger.type("link " + code))).as("a code works once").contains("unknown, used or expired");
	}

	@Test
	void should_join_a_new_telegram_chat_to_the_whatsapp_member_through_the_start_deep_link_of_the_code() {
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915177777777", "Pia", "en");
		wa.type("hi");
		this.till.purchase(this.cashier, cardOf("Pia"), this.store, "R-1", 15_00, HttpStatus.CREATED);
		String reply = words(wa.type("link"));
		assertThat(reply).contains("Telegram").contains("10 minutes");
		String code = code(reply);
		ChatUser telegram = new ChatUser(this.conversation, "2009", "Pia TG", "en");

		assertThat(texts(telegram.send("/start link-" + code.replace("-", ""))))
			.contains("this chat now shows the membership of <b>Pia</b>")
			.contains("<b>15</b> points");
		assertThat(texts(telegram.send("/rewards"))).contains("Balance: <b>15</b> points");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		assertThat(texts(
				new ChatUser(this.conversation, "2010", "Eve", "en").send("/start link-" + code.replace("-", ""))))
			.as("a code works once")
			.contains("unknown, used or expired");
	}

	@Test
	void should_retire_the_empty_whatsapp_member_and_keep_one_card_when_linked_to_the_telegram_member() {
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915144444444", "Max WA", "en");
		wa.type("hi");
		ChatUser telegram = new ChatUser(this.conversation, "2003", "Max", "en");
		telegram.send("/start");
		this.till.purchase(this.cashier, cardOf("Max"), this.store, "R-1", 40_00, HttpStatus.CREATED);
		String code = code(texts(telegram.send("/link")));

		assertThat(words(wa.type("LINK " + code.toLowerCase()))).contains("both chats now share one membership, Max");

		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		assertThat(words(wa.type("points"))).contains("Balance: 40 points");
		assertThat(texts(telegram.send("/profile"))).as("the number WhatsApp verified moves along")
			.contains("+4915144444444");
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_refuse_to_merge_and_change_nothing_when_both_members_have_history() {
		ChatUser telegram = new ChatUser(this.conversation, "2004", "Ola", "en");
		telegram.send("/start");
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915166666666", "Ola WA", "en");
		wa.type("hi");
		this.till.purchase(this.cashier, cardOf("Ola"), this.store, "R-1", 10_00, HttpStatus.CREATED);
		this.till.purchase(this.cashier, cardOf("Ola WA"), this.store, "R-2", 20_00, HttpStatus.CREATED);
		String code = code(texts(telegram.send("/link")));

		assertThat(words(wa.type("link " + code))).contains("Both memberships have points or purchases");

		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(2);
		assertThat(words(wa.type("points"))).contains("Balance: 20 points");
		assertThat(texts(telegram.send("/rewards"))).contains("Balance: <b>10</b> points");
	}

	@Test
	void should_explain_a_code_from_the_same_channel_and_refuse_wrong_expired_and_guessed_codes() {
		ChatUser telegram = new ChatUser(this.conversation, "2005", "Pia", "en");
		telegram.send("/start");
		String code = code(texts(telegram.send("/link")));
		ChatUser otherTelegram = new ChatUser(this.conversation, "2006", "Pia 2", "en");

		assertThat(texts(otherTelegram.send("/link " + code))).contains("made here on Telegram");
		ChatUser wa = ChatUser.onWhatsApp(this.conversation, "4915177777777", "Pia WA", "en");
		this.db.sql("UPDATE chat_link_codes SET expires_at = now() - interval '1 second'").then().block();
		assertThat(words(wa.type("link " + code))).contains("unknown, used or expired");
		for (int i = 0; i < 4; i++) {
			assertThat(words(wa.type("link AAAA-AAA" + i))).contains("unknown, used or expired");
		}
		String fresh = code(texts(telegram.send("/link")));
		assertThat(words(wa.type("link " + fresh))).contains("Too many wrong codes");
		assertThat(count("SELECT count(*) FROM channel_identities WHERE channel = 'WHATSAPP'")).isZero();
		assertThat(words(
				ChatUser.onWhatsApp(this.conversation, "4915177777778", "Pia WA2", "ru").type("связать " + fresh)))
			.contains("Готово");
	}

	@Test
	void should_join_the_till_member_when_a_new_telegram_member_shares_that_number() {
		String card = this.till
			.post(this.cashier, "/api/v1/customers", Map.of("name", "Uma", "phone", "+4915188888888"),
					HttpStatus.CREATED)
			.get("cardCode")
			.asText();
		this.till.purchase(this.cashier, card, this.store, "R-1", 15_00, HttpStatus.CREATED);
		ChatUser telegram = new ChatUser(this.conversation, "2007", "Uma TG", "en");
		telegram.send("/start");

		assertThat(texts(telegram.handle(new ChatInput.SharedContact("+4915188888888", "2007"))))
			.contains("This number is on your membership already, <b>Uma</b>")
			.contains("<b>15</b> points");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		assertThat(texts(telegram.send("/rewards"))).contains("Balance: <b>15</b> points");
	}

	private static String code(String reply) {
		Matcher code = CODE.matcher(reply);
		assertThat(code.find()).as("a link code in: " + reply).isTrue();
		return code.group();
	}

	private String cardOf(String name) {
		return this.db.sql("SELECT card_number FROM customers WHERE name = :name")
			.bind("name", name)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((number) -> this.codes.sign(CodePurpose.CARD, number))
			.block();
	}

	private long count(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value == null ? 0 : value.longValue();
	}

}
