package dev.punchcard.bot.conversation;

import dev.punchcard.bot.conversation.ChatInput.Command;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandWordsTest {

	@Test
	void should_read_a_command_when_the_text_is_one_of_its_words_in_english_or_russian() {
		assertThat(CommandWords.read("points")).contains(new Command("rewards", ""));
		assertThat(CommandWords.read("  Баллы ")).contains(new Command("rewards", ""));
		assertThat(CommandWords.read("КАРТА!")).contains(new Command("card", ""));
		assertThat(CommandWords.read("my   card")).contains(new Command("card", ""));
		assertThat(CommandWords.read("help?")).contains(new Command("help", ""));
		assertThat(CommandWords.read("?")).contains(new Command("help", ""));
		assertThat(CommandWords.read("Отмена")).contains(new Command("cancel", ""));
		assertThat(CommandWords.read("menu")).contains(new Command("start", ""));
	}

	@Test
	void should_not_read_a_command_when_the_word_is_part_of_a_sentence() {
		assertThat(CommandWords.read("how many points do I have")).isEmpty();
		assertThat(CommandWords.read("cardboard")).isEmpty();
		assertThat(CommandWords.read("12.50")).isEmpty();
		assertThat(CommandWords.read("")).isEmpty();
	}

	@Test
	void should_open_start_with_the_payload_when_a_poster_or_invitation_word_has_a_code() {
		assertThat(CommandWords.read("JOIN Main-Street")).contains(new Command("start", "s-Main-Street"));
		assertThat(CommandWords.read("ref ab12CD")).contains(new Command("start", "r-ab12CD"));
		assertThat(CommandWords.read("STAFF XY7.")).contains(new Command("start", "staff-XY7"));
		assertThat(CommandWords.read("join")).isEmpty();
		assertThat(CommandWords.read("join the club now")).isEmpty();
	}

	@Test
	void should_read_a_typed_slash_command_with_its_argument() {
		assertThat(CommandWords.read("/Lang ru")).contains(new Command("lang", "ru"));
		assertThat(CommandWords.read("/start")).contains(new Command("start", ""));
	}

	@Test
	void should_show_the_first_word_of_the_language_when_a_text_names_a_command() {
		assertThat(CommandWords.word("rewards", "en")).isEqualTo("rewards");
		assertThat(CommandWords.word("rewards", "ru")).isEqualTo("награды");
		assertThat(CommandWords.word("help", "de")).isEqualTo("help");
		assertThat(CommandWords.word("dance", "en")).isEqualTo("dance");
	}

	@Test
	void should_let_only_cancel_start_and_help_leave_a_flow() {
		assertThat(CommandWords.interruptsFlows("cancel")).isTrue();
		assertThat(CommandWords.interruptsFlows("start")).isTrue();
		assertThat(CommandWords.interruptsFlows("help")).isTrue();
		assertThat(CommandWords.interruptsFlows("card")).isFalse();
	}

	@Test
	void should_read_link_with_or_without_a_code_in_english_or_russian() {
		assertThat(CommandWords.read("link")).contains(new Command("link", ""));
		assertThat(CommandWords.read("Связать")).contains(new Command("link", ""));
		assertThat(CommandWords.read("LINK abcd-efgh")).contains(new Command("link", "abcd-efgh"));
		assertThat(CommandWords.read("связать ABCD EFGH.")).contains(new Command("link", "abcd efgh"));
		assertThat(CommandWords.read("/link ABCD-EFGH")).contains(new Command("link", "abcd-efgh"));
		assertThat(CommandWords.read("please link my accounts now thanks a lot really now")).isEmpty();
		assertThat(CommandWords.word("link", "ru")).isEqualTo("связать");
	}

}
