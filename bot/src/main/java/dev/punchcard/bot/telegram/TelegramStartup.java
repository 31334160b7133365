package dev.punchcard.bot.telegram;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the bot tells Telegram once at start: its command menu, {@code getMe} when the
 * username is not configured, and in webhook mode with a URL the webhook with its secret.
 * Failures are logged, not fatal: the service also works without them.
 */
class TelegramStartup {

	/** Update types the bot handles; everything else is not even delivered. */
	static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

	private static final Logger log = LoggerFactory.getLogger(TelegramStartup.class);

	private final TelegramBotApi api;

	private final BotIdentity identity;

	private final TelegramProperties properties;

	TelegramStartup(TelegramBotApi api, BotIdentity identity, TelegramProperties properties) {
		this.api = api;
		this.identity = identity;
		this.properties = properties;
	}

	/** Completes when all start-up calls finished or failed; never errors. */
	Mono<Void> run() {
		return Mono.when(logged("setMyCommands", commands()), logged("getMe", identity()),
				logged("setWebhook", webhook()));
	}

	private Mono<Void> commands() {
		return Flux.fromIterable(BotCommands.requests()).concatMap(this.api::setMyCommands).then();
	}

	private Mono<Void> identity() {
		if (this.identity.known()) {
			return Mono.empty();
		}
		return this.api.getMe().flatMap(this::learn);
	}

	private Mono<Void> learn(User me) {
		return Mono.fromRunnable(() -> {
			this.identity.learn(me.getUserName());
			log.info("Telegram bot is @{}", me.getUserName());
		});
	}

	private Mono<Void> webhook() {
		URI url = this.properties.webhookUrlToRegister();
		if (this.properties.mode() != TelegramProperties.Mode.WEBHOOK || url == null) {
			return Mono.empty();
		}
		SetWebhook webhook = SetWebhook.builder()
			.url(url.toString())
			.secretToken(this.properties.webhookSecret())
			.allowedUpdates(ALLOWED_UPDATES)
			.build();
		return this.api.setWebhook(webhook);
	}

	private static Mono<Void> logged(String call, Mono<Void> work) {
		return work.onErrorResume((error) -> {
			log.warn("Telegram {} at start failed: {}", call, error.getMessage());
			return Mono.empty();
		});
	}

}
