package id.peduli.casework;

import java.time.Instant;
import java.time.LocalDate;

/** One step of an enrolment's history as pages and the API show it. */
public record TransitionView(Stage from, Stage to, LocalDate on, String reason, String by, Instant recordedAt) {}
