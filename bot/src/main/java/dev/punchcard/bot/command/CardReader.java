package dev.punchcard.bot.command;

import java.util.List;

import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatFiles;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.scan.QrPhotoDecoder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads a member card code from a typed text or from a photo of its QR code. */
@Component
class CardReader {

	private final List<ChatFiles> files;

	private final QrPhotoDecoder decoder;

	private final long maxPhotoBytes;

	CardReader(List<ChatFiles> files, QrPhotoDecoder decoder,
			@Value("${punchcard.bot.max-photo-bytes:10485760}") long maxPhotoBytes) {
		this.files = files;
		this.decoder = decoder;
		this.maxPhotoBytes = maxPhotoBytes;
	}

	Mono<Read> read(ChatEvent event, ChatInput input) {
		return switch (input) {
			case ChatInput.Text text -> Mono.just(new Read.Code(text.text().strip()));
			case ChatInput.Photo photo -> photo(event, photo);
			default -> Mono.just(new Read.NoCode());
		};
	}

	private Mono<Read> photo(ChatEvent event, ChatInput.Photo photo) {
		if (photo.fileSize() > this.maxPhotoBytes) {
			return Mono.just(new Read.TooLarge());
		}
		return this.files.stream()
			.filter((source) -> source.channel() == event.channel())
			.findFirst()
			.map((source) -> source.download(photo.fileId(), this.maxPhotoBytes)
				// decoding a photo costs up to a few hundred milliseconds of CPU: never
				// on the event loop
				.publishOn(Schedulers.boundedElastic())
				.map((bytes) -> this.decoder.decode(bytes).<Read>map(Read.Code::new).orElseGet(Read.NoCode::new))
				.defaultIfEmpty(new Read.TooLarge()))
			.orElseGet(() -> Mono.just(new Read.NoCode()));
	}

	/** What was read. */
	sealed interface Read {

		/** A code to look up (typed or decoded). */
		record Code(String text) implements Read {
		}

		/** Nothing readable. */
		record NoCode() implements Read {
		}

		/** The photo is over the download limit. */
		record TooLarge() implements Read {
		}

	}

}
