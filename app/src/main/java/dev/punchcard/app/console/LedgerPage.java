package dev.punchcard.app.console;

import dev.punchcard.core.points.application.CheckLedger;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Administrators run the ledger check (every balance equals the sum of its entries). */
@Controller
class LedgerPage {

	private final CheckLedger checkLedger;

	LedgerPage(CheckLedger checkLedger) {
		this.checkLedger = checkLedger;
	}

	@GetMapping("/console/ledger")
	String page() {
		return "console/ledger";
	}

	@PostMapping("/console/ledger/check")
	String check(Model model) {
		model.addAttribute("report", this.checkLedger.check());
		return "console/ledger-parts :: report";
	}

}
