package dev.punchcard.app.console;

import dev.punchcard.core.campaign.application.SyncOutcome;
import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

/** Marketers list the message templates and sync WhatsApp's from Meta. */
@Controller
class TemplatePages {

	private final TemplateCatalog catalog;

	private final SyncWhatsAppTemplates sync;

	TemplatePages(TemplateCatalog catalog, SyncWhatsAppTemplates sync) {
		this.catalog = catalog;
		this.sync = sync;
	}

	@GetMapping("/console/templates")
	String list(Model model) {
		model.addAttribute("templates", this.catalog.list(null).collectList());
		return "console/templates";
	}

	@PostMapping("/console/templates/whatsapp-sync")
	Mono<String> sync(@AuthenticationPrincipal ConsoleUser user, Model model) {
		return this.sync.sync(new SyncWhatsAppTemplates.Trigger.OnDemand(user.staff().id())).map((outcome) -> {
			switch (outcome) {
				case SyncOutcome.Synced synced -> {
					model.addAttribute("key", "templates.synced");
					model.addAttribute("arguments",
							new Object[] { new ConsoleFormat.Count(synced.listed(), "templates"), synced.added(),
									synced.changed(), synced.gone() });
				}
				case SyncOutcome.Busy busy -> model.addAttribute("key", "templates.busy");
				case SyncOutcome.UpToDate upToDate -> model.addAttribute("key", "templates.up-to-date");
				case SyncOutcome.NotConfigured none -> model.addAttribute("key", "templates.not-configured");
			}
			return "console/templates-parts :: synced";
		});
	}

}
