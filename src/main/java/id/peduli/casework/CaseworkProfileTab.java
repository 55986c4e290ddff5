package id.peduli.casework;

import id.peduli.registry.ProfileTab;
import org.springframework.stereotype.Component;

/** The "case services" tab of a person's profile: their enrolments, stages and a way to enrol them. */
@Component
class CaseworkProfileTab implements ProfileTab {

    @Override
    public String key() {
        return "casework";
    }

    @Override
    public String labelKey() {
        return "casework.tab";
    }

    @Override
    public int order() {
        return 510;
    }

    @Override
    public String[] roles() {
        return CaseworkRoles.READ.clone();
    }

    @Override
    public String fragmentUrl(long personId) {
        return "/casework/people/" + personId + "/programmes";
    }
}
