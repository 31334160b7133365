package dev.punchcard.app.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.segment.application.CreateSegment;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.segment.application.PreviewOutcome;
import dev.punchcard.core.segment.application.PreviewSegment;
import dev.punchcard.core.segment.application.SegmentCatalog;
import dev.punchcard.core.segment.application.SegmentCommand;
import dev.punchcard.core.segment.application.SegmentOutcome;
import dev.punchcard.core.shared.domain.PlainText;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Marketers see the segments with their live counts, and write a new one's filter (the
 * API's JSON document) while its count and sample update as they type.
 */
@Controller
class SegmentPages {

	private static final String EXAMPLE = "{\"tiers\": [\"BRONZE\"]}";

	private final SegmentCatalog catalog;

	private final PreviewSegment preview;

	private final CreateSegment create;

	private final ObjectMapper json;

	SegmentPages(SegmentCatalog catalog, PreviewSegment preview, CreateSegment create, ObjectMapper json) {
		this.catalog = catalog;
		this.preview = preview;
		this.create = create;
		this.json = json;
	}

	@GetMapping("/console/segments")
	String list(Model model) {
		model.addAttribute("segments", this.catalog.list().collectList());
		model.addAttribute("example", EXAMPLE);
		return "console/segments";
	}

	@PostMapping("/console/segments/preview")
	Mono<String> preview(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			Optional<Map<String, Object>> filter = filter(form);
			if (filter.isEmpty()) {
				return Mono.just(invalid(model, List.of()));
			}
			return this.preview.preview(filter.get()).map((outcome) -> switch (outcome) {
				case PreviewOutcome.Previewed previewed -> {
					model.addAttribute("audience", previewed.audience());
					yield "console/segments-parts :: preview";
				}
				case PreviewOutcome.Invalid wrong -> invalid(model, wrong.errors());
			});
		});
	}

	@PostMapping("/console/segments")
	Mono<String> create(ServerWebExchange exchange, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			String name = TillPages.text(form, "name");
			Optional<Map<String, Object>> filter = filter(form);
			if (filter.isEmpty() || name.length() > 100 || !PlainText.isSingleLine(name)) {
				return Mono.just(invalid(model, List.of()));
			}
			return this.create.create(new SegmentCommand(name.isEmpty() ? null : name, filter.get(), user.staff().id()))
				.map((outcome) -> saved(outcome, model));
		});
	}

	private String saved(SegmentOutcome outcome, Model model) {
		return switch (outcome) {
			case SegmentOutcome.Saved saved -> {
				model.addAttribute("saved", saved);
				yield "console/segments-parts :: saved";
			}
			case SegmentOutcome.Invalid wrong -> invalid(model, wrong.errors());
			case SegmentOutcome.NameTaken taken -> {
				model.addAttribute("taken", taken.name());
				yield "console/segments-parts :: taken";
			}
			case SegmentOutcome.Unknown unknown -> invalid(model, List.of());
		};
	}

	private static String invalid(Model model, List<FieldError> errors) {
		model.addAttribute("errors", errors);
		return "console/segments-parts :: invalid";
	}

	/** The filter document, or empty when the text is not a JSON object. */
	private Optional<Map<String, Object>> filter(MultiValueMap<String, String> form) {
		String text = TillPages.text(form, "filter");
		if (text.isEmpty()) {
			return Optional.of(Map.of());
		}
		if (text.length() > 20_000 || !PlainText.isMultiLine(text)) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.json.readValue(text, new TypeReference<Map<String, Object>>() {
			}));
		}
		catch (JsonProcessingException ex) {
			return Optional.empty();
		}
	}

}
