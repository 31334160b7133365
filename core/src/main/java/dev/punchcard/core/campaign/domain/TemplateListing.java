package dev.punchcard.core.campaign.domain;

import java.util.List;

/**
 * A WhatsApp template as Meta lists it, before Punchcard stores it.
 *
 * @param externalId Meta's id of the template
 * @param name its name (lowercase letters, digits, {@code _})
 * @param language its language code, e.g. {@code en_US}
 * @param category {@code MARKETING}, {@code UTILITY} or {@code AUTHENTICATION}
 * @param status its review status
 * @param parameterFormat how its parameters are written
 * @param components its components, in Meta's order
 */
public record TemplateListing(String externalId, String name, String language, String category, TemplateStatus status,
		ParameterFormat parameterFormat, List<TemplateComponent> components) {

	public TemplateListing {
		components = List.copyOf(components);
	}

}
