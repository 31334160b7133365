package dev.punchcard.core.campaign.domain;

/** What fills one template parameter: a member's field or a constant text. */
public sealed interface Binding {

	/** The member's field, per recipient. */
	record ToField(MemberField field) implements Binding {
	}

	/** The same text for every recipient. */
	record ToConstant(String value) implements Binding {
	}

}
