package dev.punchcard.bot.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * A channel edge that records what it was given and answers as scripted per chat (the
 * next answer each time), else accepts the message as {@code m-<chat>-<n>}.
 */
class RecordingChannel implements BroadcastChannel {

	record Given(ClaimedRecipient recipient, RenderedTemplate rendered) {
	}

	private final ChatChannel channel;

	private final List<Given> given = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Supplier<Mono<SendResult>>>> script = new ConcurrentHashMap<>();

	private volatile boolean ready = true;

	RecordingChannel(ChatChannel channel) {
		this.channel = channel;
	}

	/** The next sends to the chat answer these, in order. */
	@SafeVarargs
	final RecordingChannel answer(String chatId, Supplier<Mono<SendResult>>... answers) {
		this.script.computeIfAbsent(chatId, (chat) -> new ArrayDeque<>()).addAll(List.of(answers));
		return this;
	}

	void ready(boolean ready) {
		this.ready = ready;
	}

	@Override
	public ChatChannel channel() {
		return this.channel;
	}

	@Override
	public boolean ready() {
		return this.ready;
	}

	@Override
	public Mono<SendResult> send(ClaimedRecipient recipient, RenderedTemplate rendered) {
		this.given.add(new Given(recipient, rendered));
		Deque<Supplier<Mono<SendResult>>> answers = this.script.get(recipient.chatId());
		Supplier<Mono<SendResult>> next = (answers != null) ? answers.poll() : null;
		if (next != null) {
			return next.get();
		}
		long n = this.given.stream().filter((one) -> one.recipient().chatId().equals(recipient.chatId())).count();
		return Mono.just(new SendResult.Sent("m-" + recipient.chatId() + "-" + n));
	}

	List<Given> given() {
		return List.copyOf(this.given);
	}

	List<Given> givenTo(String chatId) {
		return this.given.stream().filter((one) -> one.recipient().chatId().equals(chatId)).toList();
	}

}
