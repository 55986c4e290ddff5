package id.peduli.registry.person;

import id.peduli.registry.ConsentCommand.LawfulBasis;
import id.peduli.registry.ConsentPurposes;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's own consent purposes, and those of the two service programmes until their modules exist and declare
 * them (then the workshop and child welfare entries move there, with their labels).
 */
@Component
class RegistryConsentPurposes implements ConsentPurposes {

    @Override
    public List<Purpose> purposes() {
        return List.of(
                Purpose.anyBasis("WORKSHOP_SERVICES", "consentPurpose.WORKSHOP_SERVICES", 100),
                Purpose.anyBasis("CHILD_WELFARE_SERVICES", "consentPurpose.CHILD_WELFARE_SERVICES", 200),
                new Purpose("PHOTO_USE", "consentPurpose.PHOTO_USE", Set.of(LawfulBasis.CONSENT), 900),
                new Purpose(
                        "DATA_SHARING",
                        "consentPurpose.DATA_SHARING",
                        Set.of(LawfulBasis.CONSENT, LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK),
                        910),
                new Purpose(
                        "RESEARCH",
                        "consentPurpose.RESEARCH",
                        Set.of(LawfulBasis.CONSENT, LawfulBasis.PUBLIC_TASK),
                        920),
                Purpose.anyBasis("SERVICE_DELIVERY", "consentPurpose.SERVICE_DELIVERY", 930));
    }
}
