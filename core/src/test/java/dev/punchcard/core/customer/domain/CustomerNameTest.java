package dev.punchcard.core.customer.domain;

import dev.punchcard.core.shared.domain.PlainText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNameTest {

	@Test
	void should_store_a_clean_name_when_the_chat_name_holds_control_characters() {
		assertThat(Customer.fromChatName("Ann\u0000Marie\u0085 Smith\n")).isEqualTo("Ann Marie Smith");
	}

	@Test
	void should_call_the_shopper_member_when_the_chat_name_is_only_control_characters() {
		assertThat(Customer.fromChatName("\u0000\u0001 \u200f".substring(0, 3))).isEqualTo("Member");
	}

	@Test
	void should_not_split_an_emoji_when_a_long_chat_name_is_cut() {
		String name = Customer.fromChatName("a".repeat(99) + "😀😀");

		assertThat(name).hasSize(99);
		assertThat(PlainText.isSingleLine(name)).isTrue();
	}

}
