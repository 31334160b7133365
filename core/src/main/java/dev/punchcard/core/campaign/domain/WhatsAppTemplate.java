package dev.punchcard.core.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp template as last synced from Meta.
 *
 * @param id Punchcard's id of it (stable across syncs: one per name and language)
 * @param listing what Meta listed
 * @param syncedAt when a sync last listed it
 * @param goneAt when a sync first no longer listed it (deleted at Meta), or null
 */
public record WhatsAppTemplate(TemplateId id, TemplateListing listing, Instant syncedAt,
		@Nullable Instant goneAt) implements MessageTemplate {

	@Override
	public String name() {
		return this.listing.name();
	}

	public String language() {
		return this.listing.language();
	}

	public TemplateStatus status() {
		return this.listing.status();
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public List<String> parameterKeys() {
		return this.listing.components().stream().flatMap((component) -> component.parameterKeys().stream()).toList();
	}

	/** The keys of its media header's link ({@code header.image}), if it has one. */
	public List<String> mediaKeys() {
		return this.listing.components().stream().flatMap((component) -> component.mediaKey().stream()).toList();
	}

	/** The body component, if it has one. */
	public Optional<TemplateComponent> body() {
		return this.listing.components().stream().filter((component) -> "BODY".equals(component.type())).findFirst();
	}

	/**
	 * Why it cannot be sent now, or empty when it can: only an APPROVED template that the
	 * last sync still listed may go, and only with a text, image, video or document
	 * header or none (a location header needs a parameter Punchcard does not give). A
	 * broadcast that finds a reason stops with it.
	 */
	public Optional<String> whyNotSendable() {
		if (this.goneAt != null) {
			return Optional.of("the template " + name() + " (" + language() + ") no longer exists at WhatsApp");
		}
		Optional<String> header = this.listing.components()
			.stream()
			.filter((component) -> "HEADER".equals(component.type()) && component.format() != null
					&& !"TEXT".equalsIgnoreCase(component.format()) && component.media().isEmpty())
			.findFirst()
			.map((component) -> "the template " + name() + " (" + language() + ") has a " + component.format()
					+ " header, which Punchcard cannot fill yet; only text, image, video and document headers are"
					+ " supported");
		if (header.isPresent() && status() == TemplateStatus.APPROVED) {
			return header;
		}
		return switch (status()) {
			case APPROVED -> Optional.empty();
			case PAUSED -> Optional.of("WhatsApp paused the template " + name() + " (" + language()
					+ ") for low quality (recipients blocked or reported it)");
			case DISABLED -> Optional.of("WhatsApp disabled the template " + name() + " (" + language() + ") for good");
			default -> Optional.of("the template " + name() + " (" + language() + ") is " + status()
					+ " at WhatsApp; only APPROVED templates can be sent");
		};
	}

}
