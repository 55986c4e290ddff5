package id.peduli.workshop;

import java.time.LocalDate;

/** A mentor (kader) of a site: a SITE_MENTOR user, a person of the registry, or both; {@code name} for display. */
public record MentorView(
        long id, long siteId, Long userId, Long personId, String name, String phone, LocalDate since, boolean active) {}
