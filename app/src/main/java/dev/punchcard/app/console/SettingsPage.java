package dev.punchcard.app.console;

import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The program's settings as this instance runs them, read-only: currency, earning rate,
 * tiers and their window. They change in the configuration, not here.
 */
@Controller
class SettingsPage {

	private final LoyaltyProgram program;

	SettingsPage(LoyaltyProgram program) {
		this.program = program;
	}

	@GetMapping("/console/settings")
	String show(Model model) {
		model.addAttribute("currency", this.program.currency().getCurrencyCode());
		model.addAttribute("pointsPerUnit", this.program.earning().pointsPerUnit());
		model.addAttribute("tiers", this.program.tiers().tiers());
		model.addAttribute("tierWindowDays", this.program.tiers().window().toDays());
		return "console/settings";
	}

}
