package id.peduli.innovation.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An evaluator of a period with the number of proposals they hold in it, their cap, whether the cap was set for the
 * period (otherwise the default applies) and the version of the cap an edit must name ({@code 0}: never set).
 */
@Schema(name = "InnovationEvaluatorCap")
public record EvaluatorCap(
        long userId, String username, String fullName, int load, int cap, boolean set, int version) {}
