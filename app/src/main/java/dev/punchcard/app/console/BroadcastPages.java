package dev.punchcard.app.console;

import java.util.UUID;
import java.util.function.BiFunction;

import dev.punchcard.core.broadcast.application.BroadcastCatalog;
import dev.punchcard.core.broadcast.application.BroadcastOutcome;
import dev.punchcard.core.broadcast.application.CancelBroadcast;
import dev.punchcard.core.broadcast.application.PauseBroadcast;
import dev.punchcard.core.broadcast.application.ResumeBroadcast;
import dev.punchcard.core.broadcast.application.StartBroadcast;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.shared.domain.StaffId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Marketers follow broadcasts: the list, and a broadcast's page whose progress bar and
 * per-state counts htmx refreshes every few seconds, with its start, pause, resume and
 * cancel buttons (each one use case).
 */
@Controller
class BroadcastPages {

	static final int PAGE_SIZE = 20;

	/** How often a broadcast's page asks for its progress, in seconds. */
	static final int POLL_SECONDS = 3;

	private final BroadcastCatalog catalog;

	private final StartBroadcast start;

	private final PauseBroadcast pause;

	private final ResumeBroadcast resume;

	private final CancelBroadcast cancel;

	BroadcastPages(BroadcastCatalog catalog, StartBroadcast start, PauseBroadcast pause, ResumeBroadcast resume,
			CancelBroadcast cancel) {
		this.catalog = catalog;
		this.start = start;
		this.pause = pause;
		this.resume = resume;
		this.cancel = cancel;
	}

	@GetMapping("/console/broadcasts")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int at = Math.min(Math.max(0, page), 100_000);
		model.addAttribute("broadcasts", this.catalog.list(at, PAGE_SIZE).collectList());
		model.addAttribute("page", at);
		model.addAttribute("size", PAGE_SIZE);
		return "console/broadcasts";
	}

	@GetMapping("/console/broadcasts/{id}")
	Mono<String> show(@PathVariable UUID id, Model model) {
		return view(id, model).thenReturn("console/broadcast");
	}

	@GetMapping("/console/broadcasts/{id}/progress")
	Mono<String> progress(@PathVariable UUID id, Model model) {
		return view(id, model).thenReturn("console/broadcast :: progress");
	}

	@PostMapping("/console/broadcasts/{id}/start")
	Mono<String> start(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return move(this.start::start, id, user, model);
	}

	@PostMapping("/console/broadcasts/{id}/pause")
	Mono<String> pause(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return move(this.pause::pause, id, user, model);
	}

	@PostMapping("/console/broadcasts/{id}/resume")
	Mono<String> resume(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return move(this.resume::resume, id, user, model);
	}

	@PostMapping("/console/broadcasts/{id}/cancel")
	Mono<String> cancel(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
		return move(this.cancel::cancel, id, user, model);
	}

	private Mono<String> move(BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> move, UUID id, ConsoleUser user,
			Model model) {
		return move.apply(new BroadcastId(id), user.staff().id()).flatMap((outcome) -> {
			switch (outcome) {
				case BroadcastOutcome.Done done -> model.addAttribute("notice", "broadcast.moved");
				case BroadcastOutcome.NotAllowed refused -> {
					model.addAttribute("problem", "broadcast.not-allowed");
					model.addAttribute("problemArguments", new Object[] { refused.current().name() });
				}
				case BroadcastOutcome.SegmentGone gone -> model.addAttribute("problem", "broadcast.segment-gone");
				case BroadcastOutcome.TemplateUnsendable unsendable -> {
					model.addAttribute("problem", "broadcast.template-unsendable");
					model.addAttribute("problemArguments", new Object[] { unsendable.reason() });
				}
				case BroadcastOutcome.Invalid invalid -> model.addAttribute("problem", "broadcast.invalid");
				case BroadcastOutcome.Unknown unknown -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return view(id, model).thenReturn("console/broadcast :: progress");
		});
	}

	private Mono<Void> view(UUID id, Model model) {
		return this.catalog.show(new BroadcastId(id))
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.doOnNext((view) -> {
				model.addAttribute("view", view);
				model.addAttribute("states", RecipientState.values());
				model.addAttribute("running", view.broadcast().state() == BroadcastState.RUNNING);
				model.addAttribute("pollSeconds", POLL_SECONDS);
			})
			.then();
	}

}
