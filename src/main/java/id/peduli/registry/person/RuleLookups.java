package id.peduli.registry.person;

import java.util.Optional;

/**
 * What the rules of a person need to look up: asked one at a time for a form, answered from what was read beforehand
 * when many records are registered at once ({@link StartUpData}).
 */
interface RuleLookups {

    boolean unitExists(long unitId);

    boolean regionExists(String code);

    /** The unit of a guardian who exists and was not merged away. */
    Optional<Long> guardianUnit(long guardianId);

    /** Id and unit of the person who holds the NIK of this hash, when not merged away. */
    Optional<long[]> nikHolder(byte[] nikHash);
}
