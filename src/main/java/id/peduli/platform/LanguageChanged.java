package id.peduli.platform;

/** Published when a signed-in user switches the interface language, so the choice can be stored with the user. */
public record LanguageChanged(long userId, String languageTag) {}
